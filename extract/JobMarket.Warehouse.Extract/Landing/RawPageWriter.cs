using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace JobMarket.Warehouse.Extract.Landing;

/// <summary>
/// Lands pages in <c>raw.&lt;source&gt;_pages</c> through binary COPY, in one transaction per call:
/// pages whose body hash is already there are skipped (the same page twice is one row), bodies that
/// are not JSON or that jsonb refuses go to <c>raw.rejected_pages</c> with the reason and the bytes,
/// and an optional watermark is stored in the same transaction.
/// </summary>
public sealed class RawPageWriter(NpgsqlDataSource dataSource)
{
    public async Task<LandingResult> WriteAsync(long runId, IReadOnlyList<RawPage> pages, WatermarkUpdate? watermark = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var hashed = pages.Select(p => new CheckedPage(p, SHA256.HashData(p.Body.Span), null)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var landed = 0;
        var duplicates = 0;
        var invalid = new List<CheckedPage>();
        foreach (var group in hashed.GroupBy(p => p.Page.Source))
        {
            var (l, d) = await LandValidAsync(connection, group.Key, group.ToList(), runId, invalid, ct);
            landed += l;
            duplicates += d;
        }
        var rejected = 0;
        foreach (var page in invalid)
        {
            rejected += await RejectAsync(connection, page, runId, ct);
        }
        if (watermark is not null)
        {
            await SaveWatermarkAsync(connection, watermark, ct);
        }
        await transaction.CommitAsync(ct);
        return new LandingResult(landed, duplicates, rejected);
    }

    private sealed record CheckedPage(RawPage Page, byte[] Sha256, string? Reason);

    /// <summary>
    /// Validates without building a DOM or a string (the body goes to COPY as the same bytes):
    /// UTF-8, one JSON object or array, and no <c>\u0000</c> escape that jsonb would refuse.
    /// </summary>
    private static string? Validate(RawPage page)
    {
        var body = page.Body.Span;
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return "body is not valid UTF-8";
        }
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read())
            {
                throw new JsonException("the body is empty");
            }
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return $"body is JSON but not an object or array ({reader.TokenType})";
            }
            reader.Skip();
            // Anything but whitespace after the root value throws here.
            reader.Read();
        }
        catch (JsonException ex)
        {
            var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 160)]);
            var preview = text.Length > 40 ? text[..40] : text;
            return $"body is not valid JSON ({ex.Message}); it starts with: {preview}";
        }
        // jsonb refuses the \u0000 escape ("unsupported Unicode escape sequence"); a DOM tells an
        // escaped NUL from an escaped backslash followed by "u0000".
        if (body.IndexOf("\\u0000"u8) >= 0)
        {
            using var document = JsonDocument.Parse(page.Body);
            if (ContainsNul(document.RootElement))
            {
                return "jsonb cannot store the \\u0000 escape (unsupported Unicode escape sequence)";
            }
        }
        return null;
    }

    private static bool ContainsNul(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Contains('\0', StringComparison.Ordinal),
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || ContainsNul(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(ContainsNul),
        _ => false,
    };

    private static async Task<(int Landed, int Duplicates)> LandValidAsync(
        NpgsqlConnection connection, JobSource source, List<CheckedPage> pages, long runId, List<CheckedPage> invalid, CancellationToken ct)
    {
        var table = source.RawTable();
        // Skip bodies already landed (and repeats within this call) before COPY, so COPY can go
        // straight into the table: COPY has no ON CONFLICT.
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand($"select body_sha256 from {table} where body_sha256 = any($1)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = pages.Select(p => p.Sha256).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                existing.Add(Convert.ToHexString((byte[])reader[0]));
            }
        }
        var fresh = new List<CheckedPage>();
        foreach (var page in pages)
        {
            if (existing.Add(Convert.ToHexString(page.Sha256)))
            {
                fresh.Add(page);
            }
        }
        if (fresh.Count > 0)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"copy {table} (run_id, endpoint, partition_key, request_params, http_status, body_sha256, body, fetched_at) from stdin (format binary)", ct);
            foreach (var page in fresh)
            {
                // Validated here, inside the COPY, so checking the next body overlaps with the
                // server parsing the previous one.
                if (Validate(page.Page) is { } reason)
                {
                    invalid.Add(page with { Reason = reason });
                    continue;
                }
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(page.Page.Endpoint, NpgsqlDbType.Text, ct);
                await importer.WriteAsync(page.Page.PartitionKey, NpgsqlDbType.Text, ct);
                await importer.WriteAsync(page.Page.RequestParamsJson, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync((short)page.Page.HttpStatus, NpgsqlDbType.Smallint, ct);
                await importer.WriteAsync(page.Sha256, NpgsqlDbType.Bytea, ct);
                // The verbatim bytes: Npgsql writes ReadOnlyMemory<byte> as the jsonb text, no string round trip.
                await importer.WriteAsync(page.Page.Body, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(page.Page.FetchedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await importer.CompleteAsync(ct);
        }
        return (fresh.Count - invalid.Count(i => i.Page.Source == source), pages.Count - fresh.Count);
    }

    private static async Task<int> RejectAsync(NpgsqlConnection connection, CheckedPage page, long runId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            insert into raw.rejected_pages
                (run_id, source, endpoint, partition_key, request_params, http_status, body_sha256, reason, body, fetched_at)
            values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
            on conflict (source, body_sha256) do nothing
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Page.Source.CliName() });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Page.Endpoint });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Page.PartitionKey });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Page.RequestParamsJson });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)page.Page.HttpStatus });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Reason! });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Page.Body.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = page.Page.FetchedAt });
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task SaveWatermarkAsync(NpgsqlConnection connection, WatermarkUpdate watermark, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            insert into raw.extract_watermark (source, partition_key, state, watermark_at, updated_at)
            values ($1, $2, $3::jsonb, $4, clock_timestamp())
            on conflict (source, partition_key) do update
            set state = excluded.state, watermark_at = excluded.watermark_at, updated_at = excluded.updated_at
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = watermark.Source.CliName() });
        command.Parameters.Add(new NpgsqlParameter { Value = watermark.PartitionKey });
        command.Parameters.Add(new NpgsqlParameter { Value = watermark.StateJson });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)watermark.WatermarkAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
    }
}
