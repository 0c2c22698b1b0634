using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

/// <summary>Export messages (event ids 9xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Export {Name} ({Format}) started")]
    public static partial void ExportStarted(ILogger logger, string name, string format);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Export {Name}: {Rows} rows in {Sheets} sheets, {ElapsedMs} ms")]
    public static partial void ExportWritten(ILogger logger, string name, long rows, int sheets, long elapsedMs);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "Export {Name} failed")]
    public static partial void ExportFailed(ILogger logger, string name, Exception exception);
}
