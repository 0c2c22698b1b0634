using System.Security.Cryptography;
using System.Text;
using Dapper;
using JobMarket.Warehouse.Runner.Metabase;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Metabase;

public sealed class ReaderPasswordTests
{
    [Fact]
    public async Task SetAsync_StoresAScramVerifierOfThePassword_WhenTheRoleExists()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync("reader"));
        Assert.True((await new Migrator(dataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync()).Successful);

        await new ReaderPassword(dataSource, NullLogger<ReaderPassword>.Instance).SetAsync("Reader-secret-7");

        await using var connection = await dataSource.OpenConnectionAsync();
        var stored = await connection.ExecuteScalarAsync<string>("select rolpassword from pg_authid where rolname = 'jobmarket_reader'");
        Assert.StartsWith("SCRAM-SHA-256$4096:", stored);
        Assert.True(Verifies(stored!, "Reader-secret-7"));
        Assert.False(Verifies(stored!, "reader-secret-7"));
        Assert.True(await connection.ExecuteScalarAsync<bool>("select rolcanlogin from pg_roles where rolname = 'jobmarket_reader'"));
    }

    [Fact]
    public void Verifier_MatchesPostgresFormat_ForAKnownSaltAndPassword()
    {
        var salt = Convert.FromBase64String("c2FsdHNhbHRzYWx0c2FsdA==");

        var verifier = ReaderPassword.Verifier("pencil", salt);

        Assert.Equal(verifier, ReaderPassword.Verifier("pencil", salt));
        Assert.StartsWith("SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$", verifier);
        Assert.True(Verifies(verifier, "pencil"));
    }

    /// <summary>Checks a password against a stored verifier the way the server does (RFC 5802).</summary>
    private static bool Verifies(string verifier, string password)
    {
        var parts = verifier.Split('$');
        var iterationsAndSalt = parts[1].Split(':');
        var keys = parts[2].Split(':');
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(iterationsAndSalt[1]),
            int.Parse(iterationsAndSalt[0], System.Globalization.CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        return Convert.ToBase64String(storedKey) == keys[0];
    }
}
