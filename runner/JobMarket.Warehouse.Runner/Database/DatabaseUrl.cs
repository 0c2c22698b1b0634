using Npgsql;

namespace JobMarket.Warehouse.Runner.Database;

/// <summary>Turns <c>postgres://user:pass@host:port/db?sslmode=require</c> into an Npgsql connection string.</summary>
internal static class DatabaseUrl
{
    public static string ToConnectionString(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw new WarehouseException($"JOBMARKET_DATABASE_URL is neither a postgres:// URL nor a connection string: {ex.Message}");
            }
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new WarehouseException("JOBMARKET_DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database).");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = Enum.Parse<SslMode>(kv[1], ignoreCase: true);
            }
        }
        return builder.ConnectionString;
    }

    /// <summary>The connection string with any password masked, for display.</summary>
    public static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "****";
        }
        return builder.ConnectionString;
    }

    /// <summary>A <c>postgresql://</c> URL for psql or Metabase (password masked).</summary>
    public static string ToUrl(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var auth = string.IsNullOrEmpty(b.Password) ? Uri.EscapeDataString(b.Username ?? "postgres") : $"{Uri.EscapeDataString(b.Username ?? "postgres")}:****";
        return $"postgresql://{auth}@{b.Host}:{b.Port}/{b.Database}";
    }
}
