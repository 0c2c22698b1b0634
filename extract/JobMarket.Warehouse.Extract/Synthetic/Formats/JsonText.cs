using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>JSON writing shared by the formats: UTF-8 kept as is (accents, HTML), as the APIs send it.</summary>
internal static class JsonText
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>ISO UTC with milliseconds, as France Travail and JSearch send it: 2025-12-23T16:01:23.690Z.</summary>
    public static string Milliseconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO UTC to the second, as Adzuna and The Muse send it: 2025-03-14T09:21:07Z.</summary>
    public static string Seconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Invariant(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>An array of already-serialized items.</summary>
    public static void WriteRawArray(this Utf8JsonWriter writer, string name, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteRawValue(item.Span, skipInputValidation: true);
        }
        writer.WriteEndArray();
    }

    /// <summary>Serializes a page envelope to bytes.</summary>
    public static byte[] Body(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Request parameters as a JSON object of strings (what <c>raw.*.request_params</c> holds).</summary>
    public static string Parameters(params (string Name, string? Value)[] parameters) =>
        System.Text.Encoding.UTF8.GetString(Body(writer =>
        {
            writer.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }
            writer.WriteEndObject();
        }));
}
