using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

/// <summary>
/// Every log message of the runner, source-generated. Event ids are grouped by area:
/// 1xxx database, 2xxx migrations, 3xxx runs; later areas take the next thousand.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Embedded PostgreSQL: {Detail}")]
    public static partial void Embedded(ILogger logger, string detail);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied migration {Script}")]
    public static partial void MigrationApplied(ILogger logger, string script);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Migration {Script} failed: {Error}")]
    public static partial void MigrationFailed(ILogger logger, string script, string error);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Run {RunId} ({Command}) started")]
    public static partial void RunStarted(ILogger logger, long runId, string command);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Run {RunId} finished: {Status}")]
    public static partial void RunFinished(ILogger logger, long runId, string status);
}
