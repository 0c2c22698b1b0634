using Dapper;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Logging;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Migrations;

/// <summary>
/// Applies <c>migrations/V*.sql</c> in version order, each in its own transaction with its journal
/// row, under an advisory lock so two runners never migrate at once. An applied script that was
/// edited or deleted stops the run before anything is applied.
/// </summary>
internal sealed class Migrator(NpgsqlDataSource dataSource, string folder, ILogger<Migrator> logger)
{
    // Arbitrary but fixed: the key every jobmarket process uses for the migration lock.
    public const long AdvisoryLockKey = 0x4A4D_4D49_4752; // "JMMIGR"

    public async Task<MigrationResult> MigrateAsync(bool dryRun = false, CancellationToken ct = default)
    {
        var scripts = MigrationScript.LoadFolder(folder);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!dryRun)
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        }
        try
        {
            if (!dryRun)
            {
                await MigrationJournal.EnsureAsync(connection, ct);
            }
            var journal = await MigrationJournal.ReadAsync(connection, ct);
            var plan = Plan(scripts, journal);
            if (plan.Error is not null || dryRun || plan.Pending.Count == 0)
            {
                return new MigrationResult(plan.AlreadyApplied, plan.Pending.Select(s => s.Name).ToList(), [], plan.Error);
            }

            var applied = new List<string>();
            foreach (var script in plan.Pending)
            {
                var error = await ApplyAsync(connection, script, ct);
                if (error is not null)
                {
                    Log.MigrationFailed(logger, script.Name, error.ToString());
                    return new MigrationResult(plan.AlreadyApplied, plan.Pending.Skip(applied.Count).Select(s => s.Name).ToList(), applied, error);
                }
                applied.Add(script.Name);
                Log.MigrationApplied(logger, script.Name);
            }
            return new MigrationResult(plan.AlreadyApplied, [], applied, null);
        }
        finally
        {
            if (!dryRun)
            {
                await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
            }
        }
    }

    private static (IReadOnlyList<string> AlreadyApplied, IReadOnlyList<MigrationScript> Pending, MigrationError? Error) Plan(
        IReadOnlyList<MigrationScript> scripts, IReadOnlyList<MigrationJournal.Entry> journal)
    {
        var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var entry in journal)
        {
            if (!byName.TryGetValue(entry.ScriptName, out var script))
            {
                return ([], [], new MigrationError(entry.ScriptName, null,
                    $"was applied on {entry.Applied:yyyy-MM-dd HH:mm} UTC but the file is gone from migrations/; restore it (applied migrations are immutable)"));
            }
            if (!string.Equals(script.Checksum, entry.Checksum.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return ([], [], new MigrationError(script.Path, null,
                    $"was edited after it was applied (checksum {entry.Checksum.Trim()[..12]}… applied, {script.Checksum[..12]}… on disk); " +
                    "restore it and add a new migration instead"));
            }
        }
        var applied = journal.Select(e => e.ScriptName).ToHashSet(StringComparer.Ordinal);
        return (journal.Select(e => e.ScriptName).ToList(), scripts.Where(s => !applied.Contains(s.Name)).ToList(), null);
    }

    private static async Task<MigrationError?> ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await SqlScript.Parse(script.Sql).ExecuteAsync(connection, transaction, ct);
            await MigrationJournal.RecordAsync(connection, transaction, script, ct);
            await transaction.CommitAsync(ct);
            return null;
        }
        catch (PostgresException ex)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new MigrationError(script.Path, SqlScript.LineOf(ex), $"{ex.SqlState}: {ex.MessageText}");
        }
    }
}
