using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Exports;

/// <summary>A migrated database with a small <c>fixture.posting</c> table covering every cell type.</summary>
public sealed class ExportDatabaseFixture : IAsyncLifetime
{
    /// <summary>Export test classes run one after the other: each spawns heavy work (soffice, big sheets).</summary>
    public const string Collection = "Exports database";
    private readonly DatabaseFixture _database = new();

    public NpgsqlDataSource DataSource => _database.DataSource;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var migrator = new Migrator(DataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance);
        var result = await migrator.MigrateAsync();
        if (!result.Successful && result.Error!.Message.Contains("pg_authid_rolname_index", StringComparison.Ordinal))
        {
            // V0002 creates a cluster-wide role; another test class migrating its own database at the
            // same moment can win that race. The script rolled back, so running it again is safe.
            result = await migrator.MigrateAsync();
        }
        Assert.True(result.Successful, result.Error?.ToString());
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            create schema fixture;
            create table fixture.posting (
                posting_id bigint primary key,
                title text,
                region text,
                salary_eur numeric(12, 2),
                remote_share double precision,
                published_date date,
                fetched_at timestamptz,
                is_remote boolean,
                views integer
            );
            insert into fixture.posting values
                (1, 'Data engineer', 'Bretagne', 52000, 0.25, '2026-01-05', '2026-01-05 08:30:00+00', true, 1234567),
                (2, '=HYPERLINK("http://evil.example","x")', 'Bretagne', 48000.5, 0, '2026-02-10', '2026-02-10 12:00:00+00', false, 12),
                (3, 'Développeur·se Python 🚀 日本語', 'Île-de-France', null, 1, '2026-03-01', null, null, null),
                (4, '-2+3', 'Occitanie', -100, 0.5, '2025-12-31', '2025-12-31 23:59:59+00', false, 0),
                (5, '@SUM(A1:A2)', 'Bretagne', 61000, 0.125, '2026-03-15', '2026-03-15 09:00:00+00', true, 5);
            insert into audit.run (command, status, finished_at) values ('build', 'success', '2026-03-16 06:00:00+00');
            insert into raw.adzuna_pages (run_id, endpoint, partition_key, request_params, http_status, body_sha256, body, fetched_at)
            values (1, '/jobs', 'p', '{}', 200, '\x00', '{}', '2026-03-16 05:00:00+00');
            """);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
