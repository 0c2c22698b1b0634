using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Database;

/// <summary>
/// The embedded default database: a PostgreSQL cluster under a project folder, started from the
/// machine's binaries on 127.0.0.1 and a free port, run as the <c>postgres</c> user when invoked as
/// root (initdb and postgres refuse root). A running cluster is reused; a stale pid file left by a
/// crash is recovered by <c>pg_ctl start</c> itself.
/// </summary>
internal sealed class EmbeddedPostgres
{
    public const string DatabaseName = "jobmarket";
    public const string SuperUser = "postgres";

    private static readonly bool s_isRoot = Environment.UserName == "root";
    private readonly string _root;
    private readonly Action<string> _report;
    private string? _clusterDirectory;

    public EmbeddedPostgres(string root, Action<string>? report = null)
    {
        _root = Path.GetFullPath(root);
        _report = report ?? (_ => { });
    }

    // Resolved on first use: as root it depends on the postgres user, which exists only once
    // the binaries are installed.
    public string ClusterDirectory => _clusterDirectory ??= ResolveClusterDirectory(_root);
    public string DataDirectory => Path.Combine(ClusterDirectory, "data");
    public string LogFile => Path.Combine(ClusterDirectory, "postgres.log");
    private string PortFile => Path.Combine(ClusterDirectory, "port");

    /// <summary>Starts the cluster when it is not running and returns a connection string to its database.</summary>
    public async Task<string> StartAsync(CancellationToken ct = default)
    {
        using var fileLock = await AcquireLockAsync(ct);
        if (await RunningPortAsync(ct) is { } runningPort)
        {
            return await EnsureDatabaseAsync(runningPort, ct);
        }

        var binaries = await PostgresBinaries.LocateOrInstallAsync(_report, ct);
        PrepareDirectories();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _report($"Initialising a PostgreSQL cluster in {DataDirectory}");
            await RunChecked(binaries.InitDb,
                ["-D", DataDirectory, "-A", "trust", "-U", SuperUser, "--encoding=UTF8", "--locale=C.UTF-8"], ct);
        }

        var port = PreferredPort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k /tmp -c max_connections=200 -c fsync=on";
        _report($"Starting PostgreSQL on 127.0.0.1:{port}");
        await RunChecked(binaries.PgCtl, ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"], ct);
        await File.WriteAllTextAsync(PortFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return await EnsureDatabaseAsync(port, ct);
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (PostgresBinaries.TryLocate() is null || !File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }
        var binaries = await PostgresBinaries.LocateOrInstallAsync(_report, ct);
        var result = await RunAs(binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "stop"], ct);
        if (result.ExitCode != 0 && await RunningPortAsync(ct) is not null)
        {
            throw new WarehouseException($"pg_ctl stop failed: {result.Output}");
        }
    }

    /// <summary>The port of the running cluster, or null when it is not running.</summary>
    public async Task<int?> RunningPortAsync(CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.TryLocate();
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (binaries is null || !File.Exists(pidFile))
        {
            return null;
        }
        var status = await RunAs(binaries.PgCtl, ["-D", DataDirectory, "status"], ct);
        if (status.ExitCode != 0)
        {
            return null;
        }
        // postmaster.pid: line 4 is the port (PostgreSQL docs, "Database File Layout").
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    public static string ConnectionString(int port, string database = DatabaseName) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Database = database,
            Pooling = true,
        }.ConnectionString;

    private async Task<string> EnsureDatabaseAsync(int port, CancellationToken ct)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString(port, "postgres")))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", admin);
            exists.Parameters.AddWithValue(DatabaseName);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"create database {DatabaseName}", admin);
                try
                {
                    await create.ExecuteNonQueryAsync(ct);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another process created it between the check and the create.
                }
            }
        }
        return ConnectionString(port);
    }

    private int PreferredPort()
    {
        if (File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), out var previous) && IsFree(previous))
        {
            return previous;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void PrepareDirectories()
    {
        Directory.CreateDirectory(ClusterDirectory);
        if (s_isRoot)
        {
            ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", ClusterDirectory]).GetAwaiter().GetResult();
        }
    }

    private async Task RunChecked(string program, string[] arguments, CancellationToken ct)
    {
        var result = await RunAs(program, arguments, ct);
        if (result.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(10)) : "";
            throw new WarehouseException(
                $"{Path.GetFileName(program)} failed with exit code {result.ExitCode}: {result.Output}{(log.Length > 0 ? "\n" + log : "")}");
        }
    }

    private static Task<ProcessRunner.Result> RunAs(string program, string[] arguments, CancellationToken ct) =>
        s_isRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], ct)
            : ProcessRunner.RunAsync(program, arguments, ct);

    private async Task<FileStream> AcquireLockAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "embedded.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>
    /// As root the cluster must sit where the postgres user can reach it. A project under a
    /// private home (say /root) is not, so the cluster then lives under /var/tmp, keyed by the
    /// project path.
    /// </summary>
    private static string ResolveClusterDirectory(string root)
    {
        var local = Path.Combine(root, "pg");
        if (!s_isRoot || PostgresCanReach(root))
        {
            return local;
        }
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12].ToLowerInvariant();
        return Path.Combine("/var/tmp", $"jobmarket-{key}", "pg");
    }

    private static bool PostgresCanReach(string root)
    {
        Directory.CreateDirectory(root);
        var result = ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", "test", "-x", root]).GetAwaiter().GetResult();
        return result.ExitCode == 0;
    }
}
