using System.Diagnostics;
using System.Text;

namespace JobMarket.Warehouse.Tests.Infrastructure;

/// <summary>
/// The built <c>jobmarket</c> CLI as a child process against a test database
/// (<c>JOBMARKET_DATABASE_URL</c>), for what only a real process shows: exit codes, SIGTERM, SIGKILL.
/// </summary>
public sealed class CliProcess : IDisposable
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public string Output { get { lock (_output) { return _output.ToString(); } } }
    public string Error { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>
    /// The runner's own build output (same configuration and framework as the tests): the copy in
    /// the test folder resolves Microsoft.Extensions.* through the test's ASP.NET Core framework.
    /// </summary>
    private static string CliPath
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryPaths.Home, "runner", "JobMarket.Warehouse.Runner", "bin", framework.Parent!.Name, framework.Name, "jobmarket.dll");
        }
    }

    public static CliProcess Start(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["JOBMARKET_HOME"] = RepositoryPaths.Home;
        info.Environment["JOBMARKET_DATABASE_URL"] = connectionString;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Tests never reach the real APIs: The Muse needs no key, so it is the one source a child
        // process would otherwise call; the others are skipped for want of credentials.
        info.Environment["JOBMARKET_Extract__TheMuse__Enabled"] = "false";
        foreach (var secret in new[] { "ADZUNA_APP_ID", "ADZUNA_APP_KEY", "FRANCETRAVAIL_CLIENT_ID", "FRANCETRAVAIL_CLIENT_SECRET", "JSEARCH_API_KEY", "THEMUSE_API_KEY" })
        {
            info.Environment.Remove(secret);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (cli._output) { cli._output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (cli._error) { cli._error.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public static async Task<CliProcess> RunAsync(string connectionString, params string[] args)
    {
        var cli = Start(connectionString, null, args);
        await cli.WaitForExitAsync();
        return cli;
    }

    /// <summary>Sends a signal as an operator would (<c>kill -TERM</c>, <c>kill -KILL</c>).</summary>
    public void Signal(int signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    /// <summary>Waits for the exit (two minutes at most, then kills) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"jobmarket did not exit within two minutes.\nstdout:\n{Output}\nstderr:\n{Error}");
        }
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    public int ExitCode => _process.ExitCode;
    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
