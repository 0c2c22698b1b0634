using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

/// <summary>The model engine's messages (5xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Model engine {Command}: {Count} node(s) planned (run {RunId})")]
    public static partial void EnginePlanned(ILogger logger, string command, int count, long runId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "{Node}: {Status} {Action} in {Milliseconds} ms")]
    public static partial void EngineNodeFinished(ILogger logger, string node, string status, string? action, long milliseconds);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "{Node} failed: {Error}")]
    public static partial void EngineNodeFailed(ILogger logger, string node, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Model engine {Command} finished: {Summary}")]
    public static partial void EngineFinished(ILogger logger, string command, string summary);
}
