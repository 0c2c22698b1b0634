using JobMarket.Warehouse.Runner.Models.Parsing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>
/// Runs engine statements; for a statement that wraps model SQL, a PostgreSQL error is turned into a
/// <see cref="ProjectException"/> at the model file's line (rendering keeps lines in place).
/// </summary>
internal static class SqlRunner
{
    public static async Task<long> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct = default)
    {
        // A batch command reports the row count of any statement, CREATE TABLE AS included
        // (ExecuteNonQuery answers -1 for SELECT-tagged commands).
        await using var batch = new NpgsqlBatch(connection, tx) { Timeout = 0 };
        var command = new NpgsqlBatchCommand(sql);
        batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(ct);
        return (long)command.Rows;
    }

    /// <summary>Runs <c>prefix + modelSql + suffix</c>; errors inside the model SQL name its file and line.</summary>
    public static async Task<long> ExecuteModelAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, ModelNode node, string prefix, string modelSql, string suffix = "", CancellationToken ct = default)
    {
        var sql = prefix + modelSql + suffix;
        try
        {
            return await ExecuteAsync(connection, tx, sql, ct);
        }
        catch (PostgresException ex) when (ex.Position > 0 && ex.Position - 1 >= prefix.Length && ex.Position - 1 < prefix.Length + modelSql.Length)
        {
            var line = Database.SqlScript.LineAt(modelSql, ex.Position - 1 - prefix.Length);
            throw new ProjectException(node.File, line, $"{ex.SqlState}: {ex.MessageText}");
        }
        catch (PostgresException ex) when (ex.SqlState is not (PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled))
        {
            throw new ProjectException(node.File, 0, $"{ex.SqlState}: {ex.MessageText}{(ex.Detail is { } d ? $" ({d})" : "")}");
        }
    }

    /// <summary>Model SQL as PostgreSQL wants it inside another statement: no trailing semicolon.</summary>
    public static string Body(string rendered)
    {
        var body = rendered.TrimEnd();
        while (body.EndsWith(';'))
        {
            body = body[..^1].TrimEnd();
        }
        return body;
    }
}
