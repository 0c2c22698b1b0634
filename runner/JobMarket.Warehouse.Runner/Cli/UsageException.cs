namespace JobMarket.Warehouse.Runner.Cli;

/// <summary>Bad input from the user: the CLI prints the message and exits with code 2.</summary>
internal sealed class UsageException(string message) : ArgumentException(message);
