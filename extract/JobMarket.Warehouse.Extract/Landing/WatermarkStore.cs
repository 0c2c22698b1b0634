using System.Text.Json;
using Dapper;
using JobMarket.Warehouse.Extract.Sources;
using Npgsql;

namespace JobMarket.Warehouse.Extract.Landing;

/// <summary>
/// Reads and opens extract windows in <c>raw.extract_watermark</c>. Per source, the row keyed by a
/// scope (<c>*</c> for live runs) holds the current window <c>{"from","to","done"}</c>; partition rows
/// hold <see cref="PartitionState"/> and are written only by <see cref="RawPageWriter"/>, with their page.
/// </summary>
public sealed class WatermarkStore(NpgsqlDataSource dataSource)
{
    public const string LiveScope = "*";
    public const string SamplesScope = "*samples";

    /// <summary>
    /// The window this run covers, with its partitions' states. An unfinished window is resumed
    /// (same from/to, so the same queries) unless another <paramref name="since"/> is asked for;
    /// otherwise a new one opens from the last finished window's end (or <paramref name="since"/>) to now.
    /// </summary>
    public async Task<ExtractPlan> OpenWindowAsync(JobSource source, string scope, DateTimeOffset? since, bool incremental, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<(string PartitionKey, string State, DateTime? WatermarkAt)>(new CommandDefinition(
            "select partition_key, state::text, watermark_at from raw.extract_watermark where source = @source",
            new { source = source.CliName() }, cancellationToken: ct))).ToList();
        var windowRow = rows.FirstOrDefault(r => r.PartitionKey == scope);
        var current = windowRow.State is null ? null : ParseWindow(windowRow.State);
        if (current is { Done: false } && (since is null || since == current.Window.From))
        {
            var states = rows
                .Where(r => r.PartitionKey != scope && !r.PartitionKey.StartsWith('*'))
                .Select(r => (r.PartitionKey, State: PartitionState.TryParse(r.State)))
                .Where(r => r.State is not null)
                .ToDictionary(r => r.PartitionKey, r => r.State!);
            return new ExtractPlan(current.Window, states);
        }
        var from = since ?? (incremental && current is { Done: true } ? current.Window.To : null);
        // Whole seconds: France Travail's date parameters have no fractions, and resumed windows must compare equal.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var window = new ExtractWindow(from, now);
        await SaveWindowAsync(connection, source, scope, window, done: false, ct);
        return ExtractPlan.Fresh(window);
    }

    /// <summary>Marks the window finished: the next run starts where it ended.</summary>
    public async Task CloseWindowAsync(JobSource source, string scope, ExtractWindow window, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await SaveWindowAsync(connection, source, scope, window, done: true, ct);
    }

    private static Task SaveWindowAsync(NpgsqlConnection connection, JobSource source, string scope, ExtractWindow window, bool done, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into raw.extract_watermark (source, partition_key, state, watermark_at, updated_at)
            values (@source, @scope, @state::jsonb, @watermarkAt, clock_timestamp())
            on conflict (source, partition_key) do update
            set state = excluded.state, watermark_at = excluded.watermark_at, updated_at = excluded.updated_at
            """,
            new
            {
                source = source.CliName(),
                scope,
                state = JsonSerializer.Serialize(new { from = window.From?.ToString("O"), to = window.To.ToString("O"), done }),
                watermarkAt = done ? window.To.UtcDateTime : (DateTime?)null,
            }, cancellationToken: ct));

    private sealed record StoredWindow(ExtractWindow Window, bool Done);

    private static StoredWindow? ParseWindow(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.String || !to.TryGetDateTimeOffset(out var toValue))
        {
            return null;
        }
        DateTimeOffset? from = root.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String && f.TryGetDateTimeOffset(out var fromValue) ? fromValue : null;
        var done = root.TryGetProperty("done", out var d) && d.ValueKind == JsonValueKind.True;
        return new StoredWindow(new ExtractWindow(from, toValue), done);
    }
}
