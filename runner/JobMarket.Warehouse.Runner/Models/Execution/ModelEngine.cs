using System.Diagnostics;
using Dapper;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Models.Graph;
using JobMarket.Warehouse.Runner.Models.Materializations;
using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Runner.Models.Seeds;
using JobMarket.Warehouse.Runner.Models.Testing;
using JobMarket.Warehouse.Runner.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>
/// The model engine's entry point, for the CLI and the refresh pipeline: parse the project, select,
/// and build nodes in DAG order on up to <see cref="BuildRequest.Threads"/> connections. Each model or
/// seed is built, audited by its tests and published in ONE transaction (under a per-relation advisory
/// lock), so a failure, a failing error-severity test or a cancellation leaves the previously published
/// relation in place; everything downstream of a failed node is skipped. Every node is recorded in
/// <c>audit.model_run</c>, every test in <c>audit.test_result</c>, and the run in <c>target/run_results.json</c>.
/// </summary>
internal sealed class ModelEngine(NpgsqlDataSource dataSource, ModelEngineOptions options, RunRecorder recorder, ILogger<ModelEngine> logger)
{
    private readonly RunJournal _journal = new(dataSource);

    public ModelEngineOptions Options => options;

    /// <summary>Parses and validates the project (no database needed).</summary>
    public ModelProject LoadProject()
    {
        options.Validate();
        return ProjectLoader.Load(options.ProjectHome);
    }

    /// <summary>The nodes a request would touch, in build order.</summary>
    public static List<ModelNode> Plan(ModelProject project, BuildRequest request, out Selection selection)
    {
        selection = Selector.Select(project, request.Select, request.Exclude);
        var chosen = selection.Nodes;
        return [.. project.Ordered.Where(n => chosen.Contains(n.Name) && request.Command switch
        {
            EngineCommand.Run => n.Kind == NodeKind.Model,
            EngineCommand.Seed => n.Kind == NodeKind.Seed,
            EngineCommand.Test => n.Kind == NodeKind.Test || n.Tests.Count > 0,
            _ => true,
        })];
    }

    public async Task<BuildResult> BuildAsync(BuildRequest request, IProgress<NodeProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Threads must be at least 1");
        }
        var project = LoadProject();
        var plan = Plan(project, request, out var selection);
        var clock = Stopwatch.StartNew();
        var command = request.Command.ToString().ToLowerInvariant();
        var runId = request.RunId ?? await recorder.StartRunAsync(command, new { request.Select, request.Exclude, request.FullRefresh, request.Threads }, ct);
        Log.EnginePlanned(logger, command, plan.Count, runId);
        var results = new List<NodeResult>();
        try
        {
            var readerExists = await PrepareAsync(plan, ct);
            var context = new BuildContext(project, request, runId, selection, readerExists, plan.Count, progress);
            await ScheduleAsync(context, plan, results, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (request.RunId is null)
            {
                await recorder.FinishRunAsync(runId, RunStatus.Cancelled, "cancelled", CancellationToken.None);
            }
            throw;
        }
        var result = new BuildResult(runId, request.Command, results, clock.Elapsed);
        await RunResultsWriter.WriteAsync(options.TargetPath, request, result, ct);
        Log.EngineFinished(logger, command, result.Summary);
        if (request.RunId is null)
        {
            await recorder.FinishRunAsync(runId, result.Succeeded ? RunStatus.Success : RunStatus.Failed,
                result.Succeeded ? null : string.Join("; ", results.Where(r => r.Status == NodeStatus.Error).Select(r => $"{r.Name}: {r.Message}")), ct);
        }
        return result;
    }

    private sealed record BuildContext(ModelProject Project, BuildRequest Request, long RunId, Selection Selection, bool ReaderExists, int Total, IProgress<NodeProgress>? Progress)
    {
        private int _started;

        public int NextIndex() => Interlocked.Increment(ref _started);
    }

    private async Task<bool> PrepareAsync(List<ModelNode> plan, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var schema in plan.Where(n => n.Kind != NodeKind.Test).Select(n => n.Schema).Distinct())
        {
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select from pg_catalog.pg_namespace where nspname = @schema)", new { schema }, cancellationToken: ct));
            if (!exists)
            {
                await SqlRunner.ExecuteAsync(connection, null, $"create schema if not exists {Relation.Quote(schema)}", ct);
            }
        }
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select from pg_catalog.pg_roles where rolname = @role)", new { role = options.ReaderRole }, cancellationToken: ct));
    }

    // DAG-ordered, up to Threads nodes at once; a node starts when its planned parents are done and
    // is skipped when one of them did not succeed. When more nodes are ready than threads are free,
    // the one heading the longest chain still to run starts first, timed by each node's last build
    // (in file order, the skills bridge and the monthly skill demand after it could wait behind short
    // marts; with as many threads as ready nodes the order does not matter).
    private async Task ScheduleAsync(BuildContext context, List<ModelNode> plan, List<NodeResult> results, CancellationToken ct)
    {
        var planned = plan.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var waitingOn = plan.ToDictionary(n => n.Name, n => context.Request.Command == EngineCommand.Test
            ? new HashSet<string>()
            : context.Project.Parents[n.Name].Concat(RelationshipTargets(context.Project, n)).Where(planned.Contains).ToHashSet(StringComparer.Ordinal));
        var waiters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, set) in waitingOn)
        {
            foreach (var parent in set)
            {
                (waiters.TryGetValue(parent, out var list) ? list : waiters[parent] = []).Add(name);
            }
        }
        // one thread runs everything in turn: no timings needed
        var chain = CriticalPath.ChainSeconds(plan.Select(n => n.Name), waiters, context.Request.Threads > 1
            ? await _journal.LastDurationsAsync([.. plan.Select(n => n.Name)], ct)
            : new Dictionary<string, double>());
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<ModelNode>(plan);
        var running = new Dictionary<Task<NodeResult>, ModelNode>();
        while (pending.Count > 0 || running.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            // OrderBy is stable: ties (and a first build, with no timings) keep the DAG order
            foreach (var node in pending.Where(n => waitingOn[n.Name].Count == 0).OrderByDescending(n => chain[n.Name]).ToList())
            {
                if (running.Count >= context.Request.Threads)
                {
                    break;
                }
                pending.Remove(node);
                var blockedBy = context.Project.Parents[node.Name].FirstOrDefault(failed.Contains);
                if (blockedBy is not null)
                {
                    var skipped = new NodeResult(node.Name, node.ResourceType, RelationText(node), node.Materialized, NodeStatus.Skipped, null, TimeSpan.Zero,
                        $"skipped: upstream {blockedBy} did not succeed", []) { Selected = context.Selection.Direct.Contains(node.Name) };
                    await _journal.FinishAsync(context.RunId, skipped, null, ct);
                    context.Progress?.Report(new NodeProgress(node.Name, node.ResourceType, context.NextIndex(), context.Total, skipped));
                    Complete(node, skipped);
                    continue;
                }
                running[RunNodeAsync(context, node, ct)] = node;
            }
            if (running.Count == 0)
            {
                continue;
            }
            var done = await Task.WhenAny(running.Keys);
            var finished = running[done];
            running.Remove(done);
            Complete(finished, await done);
        }

        void Complete(ModelNode node, NodeResult result)
        {
            results.Add(result);
            if (result.Status is not (NodeStatus.Success or NodeStatus.Warn))
            {
                failed.Add(node.Name);
            }
            foreach (var waiter in waiters.GetValueOrDefault(node.Name) ?? [])
            {
                waitingOn[waiter].Remove(node.Name);
            }
        }
    }

    // A relationships test reads its target, so the node waits for the target when both are built,
    // unless the target is downstream of the node (waiting would deadlock; the test then reads the
    // target as last published).
    private static IEnumerable<string> RelationshipTargets(ModelProject project, ModelNode node)
    {
        var targets = node.Tests.Where(t => t.Kind == "relationships" && project.Nodes.ContainsKey(t.To!)).Select(t => t.To!).ToList();
        if (targets.Count == 0)
        {
            return [];
        }
        var downstream = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Stack<string>([node.Name]);
        while (frontier.TryPop(out var current))
        {
            foreach (var child in project.Children[current].Where(downstream.Add))
            {
                frontier.Push(child);
            }
        }
        return targets.Where(t => !downstream.Contains(t));
    }

    private static string RelationText(ModelNode node) => node.Kind == NodeKind.Test ? "" : node.Relation.ToString();

    private async Task<NodeResult> RunNodeAsync(BuildContext context, ModelNode node, CancellationToken ct)
    {
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        var selected = context.Selection.Direct.Contains(node.Name);
        await _journal.StartAsync(context.RunId, node, selected, ct);
        context.Progress?.Report(new NodeProgress(node.Name, node.ResourceType, context.NextIndex(), context.Total, null));
        var tests = new List<TestResult>();
        string status;
        string? message = null;
        string? action = null;
        long? rows = null;
        try
        {
            if (context.Request.Command == EngineCommand.Test || node.Kind == NodeKind.Test)
            {
                await RunTestsAsync(context, node, tests, ct);
                action = "tested";
            }
            else
            {
                var outcome = await MaterializeAsync(context, node, tests, ct);
                rows = outcome.Rows;
                action = outcome.Action;
                if (!outcome.Published)
                {
                    message = $"not published, the previous {node.Relation} is kept: " + Describe(tests.Where(t => t.Blocks));
                }
            }
            status = message is not null || tests.Any(t => t.Blocks) ? NodeStatus.Error
                : tests.Any(t => t.Status != TestStatus.Pass) ? NodeStatus.Warn
                : NodeStatus.Success;
            if (status != NodeStatus.Success && message is null)
            {
                message = Describe(tests.Where(t => t.Status != TestStatus.Pass));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var cancelled = new NodeResult(node.Name, node.ResourceType, RelationText(node), node.Materialized, NodeStatus.Cancelled, null, clock.Elapsed, "cancelled", tests) { Selected = selected };
            await _journal.FinishAsync(context.RunId, cancelled, null, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is WarehouseException or PostgresException or NpgsqlException or IOException)
        {
            status = NodeStatus.Error;
            message = ex is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : ex.Message;
            Log.EngineNodeFailed(logger, node.Name, message);
        }
        var result = new NodeResult(node.Name, node.ResourceType, RelationText(node), node.Materialized, status, rows, clock.Elapsed, message, tests) { Selected = selected };
        await _journal.FinishAsync(context.RunId, result, action, ct);
        Log.EngineNodeFinished(logger, node.Name, status, action, clock.ElapsedMilliseconds);
        context.Progress?.Report(new NodeProgress(node.Name, node.ResourceType, context.Total, context.Total, result));
        return result;
    }

    private static string Describe(IEnumerable<TestResult> tests) =>
        string.Join("; ", tests.Select(t => $"{t.Name} {t.Status}{(t.Message is null ? "" : $" ({t.Message})")}"));

    private async Task<MaterializeOutcome> MaterializeAsync(BuildContext context, ModelNode node, List<TestResult> tests, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Two builds of the same relation (two processes, or two cron runs) take turns.
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = "jobmarket.model:" + node.Relation }, tx, cancellationToken: ct));
        var withTests = context.Request.Command == EngineCommand.Build;
        var run = new NodeExecution
        {
            Connection = connection,
            Transaction = tx,
            Node = node,
            Project = context.Project,
            RunId = context.RunId,
            Options = options,
            FullRefresh = context.Request.FullRefresh,
            PlannerSettings = await PlannerSettings.CaptureAsync(connection, tx, ct),
            AuditAsync = async relation =>
            {
                if (!withTests)
                {
                    return true;
                }
                foreach (var test in node.Tests)
                {
                    var result = await DataTestRunner.RunAsync(connection, tx, test.Name, node.Name, test.Severity,
                        DataTestCompiler.Compile(context.Project, test, relation), ct);
                    tests.Add(result with { Sql = DataTestCompiler.Compile(context.Project, test, node.Relation) });
                }
                return !tests.Any(t => t.Blocks);
            },
        };
        await RunHooksAsync(run, node.Config.PreHook, "pre_hook", ct);
        var outcome = node.Kind == NodeKind.Seed
            ? await SeedLoader.LoadAsync(run, ct)
            : await Materializer.MaterializeAsync(run, ct);
        if (!outcome.Published)
        {
            await tx.RollbackAsync(ct);
            return outcome;
        }
        await RunHooksAsync(run, node.Config.PostHook, "post_hook", ct);
        if (context.ReaderExists && options.ReaderSchemas.Contains(node.Schema))
        {
            await SqlRunner.ExecuteAsync(connection, tx, $"grant select on {node.Relation} to {Relation.Quote(options.ReaderRole)}", ct);
        }
        await tx.CommitAsync(ct);
        return outcome;
    }

    // Hooks are plain SQL (a config string cannot hold Jinja); an error names the model file.
    private static async Task RunHooksAsync(NodeExecution run, IReadOnlyList<string> hooks, string kind, CancellationToken ct)
    {
        foreach (var hook in hooks)
        {
            try
            {
                await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, hook, ct);
            }
            catch (PostgresException ex) when (ex.SqlState is not (PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled))
            {
                throw new ProjectException(run.Node.File, 0, $"{kind} \"{hook}\": {ex.SqlState}: {ex.MessageText}");
            }
        }
    }

    private async Task RunTestsAsync(BuildContext context, ModelNode node, List<TestResult> tests, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (node.Kind == NodeKind.Test)
        {
            var sql = Materializations.SqlRunner.Body(ModelCompiler.Render(context.Project, node, false));
            tests.Add(await DataTestRunner.RunAsync(connection, null, node.Name, null, node.Config.Severity, sql, ct));
            return;
        }
        foreach (var test in node.Tests)
        {
            tests.Add(await DataTestRunner.RunAsync(connection, null, test.Name, node.Name, test.Severity,
                DataTestCompiler.Compile(context.Project, test, node.Relation), ct));
        }
    }
}
