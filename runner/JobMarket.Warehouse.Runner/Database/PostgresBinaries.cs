namespace JobMarket.Warehouse.Runner.Database;

/// <summary>
/// Finds the machine's PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>): on PATH, or under
/// Debian's <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, newest first. When missing and running
/// as root with apt available, installs Debian's <c>postgresql</c> package.
/// </summary>
internal sealed record PostgresBinaries(string Directory)
{
    public const string InstallHint = "apt-get update && apt-get install -y postgresql";

    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");
    public string Psql => File.Exists(Path.Combine(Directory, "psql")) ? Path.Combine(Directory, "psql") : "psql";

    public static PostgresBinaries? TryLocate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            {
                return new PostgresBinaries(dir);
            }
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            var newest = System.IO.Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return new PostgresBinaries(newest.Dir);
            }
        }
        return null;
    }

    public static async Task<PostgresBinaries> LocateOrInstallAsync(Action<string> report, CancellationToken ct = default)
    {
        if (TryLocate() is { } found)
        {
            return found;
        }
        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            report("PostgreSQL binaries not found; installing Debian's postgresql package (apt-get)...");
            var update = await ProcessRunner.RunAsync("/usr/bin/apt-get", ["update"], ct);
            var install = await ProcessRunner.RunAsync("/usr/bin/apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], ct);
            if (TryLocate() is { } installed)
            {
                return installed;
            }
            throw new WarehouseException(
                $"installing PostgreSQL failed (apt-get update exit {update.ExitCode}, install exit {install.ExitCode}): {Tail(install.Output)}");
        }
        throw new WarehouseException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql. " +
            $"Install them as root with: {InstallHint} — or point JOBMARKET_DATABASE_URL at an existing server.");
    }

    private static string Tail(string text) => text.Length <= 600 ? text : text[^600..];
}
