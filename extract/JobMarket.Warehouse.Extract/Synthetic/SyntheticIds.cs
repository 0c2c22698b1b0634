using System.Globalization;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>Each source's id format, unique per job index.</summary>
internal static class SyntheticIds
{
    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>France Travail: three digits and four letters/digits, like "201WLXK".</summary>
    public static string FranceTravail(long index)
    {
        const long span = 36L * 36 * 36 * 36;
        var low = index % span;
        Span<char> id = stackalloc char[7];
        var prefix = 180 + (index / span) % 820;
        id[0] = (char)('0' + prefix / 100);
        id[1] = (char)('0' + prefix / 10 % 10);
        id[2] = (char)('0' + prefix % 10);
        for (var i = 6; i >= 3; i--)
        {
            id[i] = Base36[(int)(low % 36)];
            low /= 36;
        }
        return new string(id);
    }

    /// <summary>Adzuna: a numeric string.</summary>
    public static string Adzuna(long index) => (4_100_000_000L + index * 7 + 3).ToString(CultureInfo.InvariantCulture);

    /// <summary>JSearch: 16 bytes in URL-safe base64 with padding, the last bytes zero, like "mTqkb_t5iIrrC7xqAAAAAA==".</summary>
    public static string JSearch(int seed, long index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, SyntheticRandom.Hash(seed, index, 901));
        BitConverter.TryWriteBytes(bytes[8..], (uint)SyntheticRandom.Hash(seed, index, 902));
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The Muse: an integer.</summary>
    public static long TheMuse(long index) => 14_000_000L + index;
}
