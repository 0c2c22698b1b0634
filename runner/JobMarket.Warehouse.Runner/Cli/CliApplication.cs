using System.CommandLine;
using Npgsql;
using JobMarket.Warehouse.Runner;

namespace JobMarket.Warehouse.Runner.Cli;

/// <summary>Builds the command tree, parses, runs, and maps outcomes to exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        using var context = CliContext.Create();
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }
            Console.Error.WriteLine("Run 'jobmarket --help' (or '<command> --help') for usage.");
            return ExitCodes.Usage;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; Cancel(); });
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; Cancel(); };

        // A signal handler runs on its own thread: a second SIGTERM (or Ctrl+C) can land while the
        // command is returning and the source is being disposed, which crashed the process (134).
        void Cancel()
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the command has already finished
            }
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is WarehouseException or PostgresException or NpgsqlException or IOException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // A bug, not bad input: say so plainly (with the stack under --verbose) and exit 1
            // instead of the runtime's abort (134).
            Console.Error.WriteLine($"error: unexpected {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine(context.Verbose ? ex.ToString() : "run again with --verbose for the stack trace");
            return ExitCodes.Failure;
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("JobMarket Warehouse: job-market data from four APIs into a PostgreSQL warehouse.");
        root.Options.Add(CliContext.VerboseOption);
        foreach (var command in CommandCatalog.All)
        {
            root.Subcommands.Add(command.Build(context));
        }
        return root;
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
