using System.Data;
using System.Diagnostics;
using JobMarket.Warehouse.Runner.Exports.Definitions;
using JobMarket.Warehouse.Runner.Exports.Writing;
using JobMarket.Warehouse.Runner.Logging;
using JobMarket.Warehouse.Runner.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>
/// Runs export definitions: binds typed parameters, streams each sheet's rows from PostgreSQL
/// straight into the workbook (one read-only snapshot per export), and records the run in
/// <c>audit.run</c> with one step per export. The CLI, the refresh pipeline and the scheduler
/// all come through <see cref="RunAsync"/>.
/// </summary>
internal sealed class ExportRunner(NpgsqlDataSource dataSource, ExportOptions options, RunRecorder recorder, ILogger<ExportRunner> logger)
{
    public const string AuditCommand = "export";

    public IReadOnlyList<ExportDefinition> LoadDefinitions() =>
        ExportDefinitionLoader.LoadFolder(options.DefinitionsFolder, Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(options.DefinitionsFolder))));

    /// <summary>The exports that declare a schedule, for the scheduler.</summary>
    public IReadOnlyList<ScheduledExport> ListScheduled() =>
        [.. LoadDefinitions()
            .Where(d => d.Schedule is not null)
            .Select(d => new ScheduledExport(d.Name, d.Title, d.Schedule!.Cron, d.Schedule.TimeZone))];

    /// <summary>Whether any mart table exists: before the first build there is nothing to export.</summary>
    public async Task<bool> MartsExistAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select exists (select from pg_catalog.pg_tables where schemaname = 'marts')");
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Runs the request as its own recorded run: <c>audit.run</c> "export", one step per export.</summary>
    /// <exception cref="ExportRequestException">An unknown export or parameter, or a bad value (nothing is written).</exception>
    /// <exception cref="ExportDefinitionException">A definition file is invalid.</exception>
    public async Task<ExportResult> RunAsync(ExportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = Plan(LoadDefinitions(), request, DateOnly.FromDateTime(DateTime.UtcNow));
        var runId = await recorder.StartRunAsync(AuditCommand, new
        {
            exports = plan.Select(p => p.Definition.Name),
            format = request.Format.ToString().ToLowerInvariant(),
            parameters = request.Parameters ?? new Dictionary<string, string>(),
        }, ct);
        List<ExportOutcome> outcomes;
        try
        {
            outcomes = await ExecuteAsync(plan, request, runId, ct);
        }
        catch (OperationCanceledException)
        {
            await recorder.FinishRunAsync(runId, RunStatus.Cancelled, "cancelled", CancellationToken.None);
            throw;
        }
        var failed = outcomes.Where(o => !o.Successful).ToList();
        await recorder.FinishRunAsync(runId, failed.Count == 0 ? RunStatus.Success : RunStatus.Failed,
            failed.Count == 0 ? null : string.Join("; ", failed.Select(f => $"{f.Name}: {f.Error}")), ct);
        return new ExportResult(runId, outcomes);
    }

    /// <summary>
    /// Runs the request inside a run someone else records (the pipeline's export step): no
    /// <c>audit.run</c> of its own, the outcomes say what was written or what failed.
    /// </summary>
    public async Task<IReadOnlyList<ExportOutcome>> ExportAsync(ExportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = Plan(LoadDefinitions(), request, DateOnly.FromDateTime(DateTime.UtcNow));
        return await ExecuteAsync(plan, request, runId: null, ct);
    }

    private async Task<List<ExportOutcome>> ExecuteAsync(
        List<(ExportDefinition Definition, IReadOnlyList<(ExportParameter Parameter, object? Value)> Values)> plan,
        ExportRequest request, long? runId, CancellationToken ct)
    {
        var outputFolder = Path.GetFullPath(request.OutputFolder ?? options.OutputFolder);
        var outcomes = new List<ExportOutcome>();
        foreach (var (definition, values) in plan)
        {
            outcomes.Add(await RunOneAsync(runId, definition, values, request.Format, outputFolder, ct));
        }
        return outcomes;
    }

    /// <summary>Checks names and parameters for every export before anything runs.</summary>
    internal static List<(ExportDefinition Definition, IReadOnlyList<(ExportParameter Parameter, object? Value)> Values)> Plan(
        IReadOnlyList<ExportDefinition> definitions, ExportRequest request, DateOnly today)
    {
        var selected = new List<ExportDefinition>();
        foreach (var name in request.Names.Distinct(StringComparer.Ordinal))
        {
            selected.Add(definitions.FirstOrDefault(d => d.Name == name)
                ?? throw new ExportRequestException(definitions.Count == 0
                    ? $"no export named '{name}': there are no export definitions"
                    : $"no export named '{name}'; known exports: {string.Join(", ", definitions.Select(d => d.Name))}"));
        }
        if (selected.Count == 0)
        {
            selected.AddRange(definitions);
        }
        var given = request.Parameters ?? new Dictionary<string, string>();
        foreach (var key in given.Keys.Where(k => !selected.Any(d => d.Parameter(k) is not null)))
        {
            var known = selected.SelectMany(d => d.Parameters.Select(p => p.Name)).Distinct().ToList();
            throw new ExportRequestException(
                $"unknown parameter '{key}' for {string.Join(", ", selected.Select(d => d.Name))}; " +
                (known.Count == 0 ? "these exports take no parameters" : $"known parameters: {string.Join(", ", known)}"));
        }
        return [.. selected.Select(definition => (definition, Bind(definition, given, today)))];
    }

    private static IReadOnlyList<(ExportParameter, object?)> Bind(ExportDefinition definition, IReadOnlyDictionary<string, string> given, DateOnly today)
    {
        var values = new List<(ExportParameter, object?)>();
        foreach (var parameter in definition.Parameters)
        {
            var text = given.TryGetValue(parameter.Name, out var g) ? g : parameter.Default;
            if (text is null && parameter.Required)
            {
                throw new ExportRequestException($"export '{definition.Name}' requires --param {parameter.Name}=<{parameter.Type.ToString().ToLowerInvariant()}> ({definition.File}:{parameter.Line})");
            }
            try
            {
                values.Add((parameter, text is null ? null : ExportParameterValues.Parse(parameter, text, today)));
            }
            catch (FormatException ex)
            {
                throw new ExportRequestException($"export '{definition.Name}': {ex.Message}");
            }
        }
        return values;
    }

    private async Task<ExportOutcome> RunOneAsync(long? runId, ExportDefinition definition, IReadOnlyList<(ExportParameter Parameter, object? Value)> values,
        ExportFormat format, string outputFolder, CancellationToken ct)
    {
        var step = runId.HasValue ? await recorder.StartStepAsync(runId.Value, $"{AuditCommand} {definition.Name}", ct) : 0;
        var stopwatch = Stopwatch.StartNew();
        Log.ExportStarted(logger, definition.Name, format.ToString().ToLowerInvariant());
        try
        {
            var (files, rows, sheets) = await WriteAsync(definition, values, format, outputFolder, ct);
            if (runId.HasValue)
            {
                await recorder.FinishStepAsync(runId.Value, step, RunStatus.Success, rows,
                    new { files = files.Select(Path.GetFileName), sheets, format = format.ToString().ToLowerInvariant() }, ct: ct);
            }
            Log.ExportWritten(logger, definition.Name, rows, sheets, stopwatch.ElapsedMilliseconds);
            return new ExportOutcome(definition.Name, files, rows, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is PostgresException or NpgsqlException or IOException or WarehouseException or InvalidCastException)
        {
            Log.ExportFailed(logger, definition.Name, ex);
            var error = ex is PostgresException pg ? $"{pg.MessageText} (SQLSTATE {pg.SqlState}) in {definition.File}" : ex.Message;
            if (runId.HasValue)
            {
                await recorder.FinishStepAsync(runId.Value, step, RunStatus.Failed, error: error, ct: CancellationToken.None);
            }
            return new ExportOutcome(definition.Name, [], 0, error);
        }
        catch (OperationCanceledException) when (runId.HasValue)
        {
            await recorder.FinishStepAsync(runId.Value, step, RunStatus.Cancelled, error: "cancelled", ct: CancellationToken.None);
            throw;
        }
    }

    private async Task<(IReadOnlyList<string> Files, long Rows, int Sheets)> WriteAsync(ExportDefinition definition,
        IReadOnlyList<(ExportParameter Parameter, object? Value)> values, ExportFormat format, string outputFolder, CancellationToken ct)
    {
        using IWorkbookWriter writer = format == ExportFormat.Xlsx
            ? new XlsxWorkbookWriter(Path.Combine(outputFolder, definition.Name + ".xlsx"), options.MaxRowsPerSheet)
            : new CsvWorkbookWriter(outputFolder, definition.Name);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One read-only snapshot: every sheet of a workbook sees the same data, and an export query cannot write.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(ct);
        }
        var freshness = await DataFreshness.ReadAsync(connection, transaction, ct);
        long total = 0;
        foreach (var sheet in definition.Sheets)
        {
            total += await WriteSheetAsync(writer, connection, transaction, definition, sheet, values, ct);
        }
        await transaction.CommitAsync(ct);
        var cover = new CoverPage(definition.Title, definition.Description, DateTimeOffset.UtcNow,
            [.. values.Select(v => new KeyValuePair<string, string>(v.Parameter.Name, ExportParameterValues.Display(v.Value)))],
            freshness);
        return (writer.Complete(cover), total, definition.Sheets.Count);
    }

    private async Task<long> WriteSheetAsync(IWorkbookWriter writer, NpgsqlConnection connection, NpgsqlTransaction transaction,
        ExportDefinition definition, ExportSheet sheet, IReadOnlyList<(ExportParameter Parameter, object? Value)> values, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sheet.Sql, connection, transaction);
        var referenced = ExportDefinitionLoader.ReferencedParameters(sheet.Sql);
        foreach (var (parameter, value) in values.Where(v => referenced.Contains(v.Parameter.Name)))
        {
            // Bound as typed parameters: a value is data, never SQL.
            command.Parameters.Add(new NpgsqlParameter(parameter.Name, ExportParameterValues.DbType(parameter.Type)) { Value = value ?? DBNull.Value });
        }
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var sample = new List<object?[]>();
        var hasMore = true;
        while (sample.Count < options.WidthSampleRows && (hasMore = await reader.ReadAsync(ct)))
        {
            sample.Add(RowPump.ReadRow(reader, new object?[reader.FieldCount]));
        }
        writer.StartSheet(sheet.Name, ColumnLayout.Resolve(definition, sheet, reader, sample));
        foreach (var row in sample)
        {
            writer.WriteRow(row);
        }
        return sample.Count + (hasMore ? await RowPump.CopyAsync(reader, writer, ct) : 0);
    }
}
