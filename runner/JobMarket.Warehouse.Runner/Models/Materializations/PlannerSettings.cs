using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>
/// The planner method settings (<c>enable_*</c>) as they were before a node's pre-hooks. A hook that
/// turns one off means it for the model's own query; the engine's statements after that query (the
/// node's tests, the incremental merge, post-hooks) are planned with these again. With nested loops
/// off, deleting a day's keys from a million-row table hashed the whole table instead of probing its
/// unique index.
/// </summary>
internal sealed class PlannerSettings
{
    private readonly string[] names;
    private readonly string[] values;

    private PlannerSettings(string[] names, string[] values) => (this.names, this.values) = (names, values);

    public static async Task<PlannerSettings> CaptureAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct = default)
    {
        var rows = (await connection.QueryAsync<SavedSetting>(new CommandDefinition(
            "select name, setting from pg_settings where name like 'enable\\_%'", transaction: tx, cancellationToken: ct))).ToList();
        return new PlannerSettings([.. rows.Select(r => r.Name)], [.. rows.Select(r => r.Setting)]);
    }

    /// <summary>Sets them back for the rest of the transaction.</summary>
    public Task RestoreAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "select set_config(name, setting, true) from unnest(@names, @values) as saved (name, setting)",
            new { names, values }, tx, cancellationToken: ct));

    private sealed record SavedSetting(string Name, string Setting);
}
