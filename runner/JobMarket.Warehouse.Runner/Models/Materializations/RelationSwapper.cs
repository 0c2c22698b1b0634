using JobMarket.Warehouse.Runner.Models.Parsing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>
/// Puts a freshly built relation in place of the published one, inside the caller's transaction:
/// under <c>lock_timeout</c>, save and drop the dependent views, rename the old relation away,
/// rename the new one in, drop the old one (no CASCADE), give the indexes their final names and
/// recreate the dependent views. A lock timeout rolls back to a savepoint and retries, so a long
/// reader delays the swap instead of failing the build (a deadlock with a reader is retried the same
/// way); readers see the old relation until COMMIT. Views are locked before the relation they read,
/// deepest first, the order a reader of a view takes its locks in.
/// </summary>
internal static class RelationSwapper
{
    public static async Task SwapAsync(NodeExecution run, Relation built, char builtKind, ExistingRelation? existing, IReadOnlyList<(string Built, string Final)> indexNames, CancellationToken ct = default)
    {
        var target = run.Node.Relation;
        for (var attempt = 1; ; attempt++)
        {
            await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, "savepoint jobmarket_swap", ct);
            try
            {
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"set local lock_timeout = {(int)run.Options.LockTimeout.TotalMilliseconds}", ct);
                DependentViews? dependents = null;
                if (existing is not null)
                {
                    dependents = await DependentViews.CaptureAsync(run.Connection, run.Transaction, existing.Oid, ct);
                    await dependents.DropAsync(run.Connection, run.Transaction, ct);
                    await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"alter {existing.Keyword} {target} rename to {Relation.Quote(run.OldName)}", ct);
                }
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"alter {ExistingRelation.KeywordOf(builtKind)} {built} rename to {Relation.Quote(target.Name)}", ct);
                if (existing is not null)
                {
                    await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"drop {existing.Keyword} {target.WithName(run.OldName)}", ct);
                }
                foreach (var (from, to) in indexNames)
                {
                    await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, $"alter index {target.WithName(from)} rename to {Relation.Quote(to)}", ct);
                }
                if (dependents is not null)
                {
                    await dependents.RecreateAsync(run.Connection, run.Transaction, ct);
                }
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, "release savepoint jobmarket_swap", ct);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected && attempt < run.Options.SwapAttempts)
            {
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, "rollback to savepoint jobmarket_swap", ct);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }
}
