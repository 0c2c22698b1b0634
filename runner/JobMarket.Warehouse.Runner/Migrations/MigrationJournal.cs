using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Migrations;

/// <summary>
/// The journal of applied scripts, shaped like DbUp's PostgreSQL journal
/// (<c>schemaversions</c>: id, scriptname, applied) plus a sha256 checksum, so DbUp could take over.
/// </summary>
internal static class MigrationJournal
{
    public const string Table = "public.schemaversions";

    public sealed record Entry(string ScriptName, DateTime Applied, string Checksum);

    public static Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            create table if not exists {Table} (
                schemaversionsid serial primary key,
                scriptname varchar(255) not null unique,
                applied timestamp without time zone not null default (now() at time zone 'utc'),
                checksum char(64) not null
            )
            """, cancellationToken: ct));

    public static async Task<IReadOnlyList<Entry>> ReadAsync(NpgsqlConnection connection, CancellationToken ct = default)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select to_regclass('public.schemaversions') is not null", cancellationToken: ct));
        if (!exists)
        {
            return [];
        }
        var rows = await connection.QueryAsync<Entry>(new CommandDefinition(
            $"select scriptname as ScriptName, applied as Applied, checksum as Checksum from {Table} order by schemaversionsid",
            cancellationToken: ct));
        return rows.AsList();
    }

    public static Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationScript script, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"insert into {Table} (scriptname, checksum) values (@Name, @Checksum)",
            new { script.Name, script.Checksum }, transaction, cancellationToken: ct));
}
