using System.Security.Cryptography;
using System.Text;
using Dapper;
using JobMarket.Warehouse.Runner.Logging;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Sets the read-only role's password at deploy time, from the environment. The password is sent
/// as a SCRAM-SHA-256 verifier computed here, so the clear text never reaches the server's
/// statement log (PostgreSQL's advice for <c>ALTER ROLE … PASSWORD</c>).
/// </summary>
internal sealed class ReaderPassword(NpgsqlDataSource dataSource, ILogger<ReaderPassword> logger)
{
    public const string Role = "jobmarket_reader";
    private const int Iterations = 4096;

    public async Task SetAsync(string password, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select from pg_catalog.pg_roles where rolname = @Role)", new { Role }, cancellationToken: ct));
        if (!exists)
        {
            throw new WarehouseException($"role {Role} does not exist yet: run 'jobmarket migrate' first");
        }
        // The verifier holds only base64, '$' and ':' characters, so it is safe as a literal.
        await connection.ExecuteAsync(new CommandDefinition(
            $"alter role {Role} with login password '{Verifier(password, RandomNumberGenerator.GetBytes(16))}'", cancellationToken: ct));
        Log.ReaderPasswordSet(logger, Role);
    }

    /// <summary>PostgreSQL's stored form: <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c> (RFC 5802/7677).</summary>
    public static string Verifier(string password, byte[] salt, int iterations = Iterations)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
