namespace JobMarket.Warehouse.Extract.Landing;

/// <summary>The four sources, with the names used in config, <c>raw</c> table names and the CLI.</summary>
public enum JobSource
{
    Adzuna,
    FranceTravail,
    JSearch,
    TheMuse,
}

/// <summary>Names of each source in the CLI/config (<c>adzuna</c>) and in <c>raw</c>.</summary>
public static class JobSourceNames
{
    public static string CliName(this JobSource source) => source switch
    {
        JobSource.Adzuna => "adzuna",
        JobSource.FranceTravail => "france_travail",
        JobSource.JSearch => "jsearch",
        JobSource.TheMuse => "themuse",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The landing table, <c>raw.&lt;name&gt;_pages</c>.</summary>
    public static string RawTable(this JobSource source) => $"raw.{source.CliName()}_pages";

    public static bool TryParse(string value, out JobSource source)
    {
        foreach (var candidate in Enum.GetValues<JobSource>())
        {
            if (string.Equals(candidate.CliName(), value.Replace('-', '_'), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                source = candidate;
                return true;
            }
        }
        source = default;
        return false;
    }
}
