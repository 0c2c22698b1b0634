using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Logging;

/// <summary>Every log message of the extractors (event ids 4xxx). Messages carry endpoints and partitions, never URLs with keys.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "{Source}: {Endpoint} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string source, string endpoint, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "{Source}: fetched {Endpoint} [{Partition}] status {Status}, {Postings} postings")]
    public static partial void PageFetched(ILogger logger, string source, string endpoint, string partition, int status, int postings);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "France Travail: {Partition} has {Total} offers, over the {Cap} depth cap; splitting by {SplitBy}")]
    public static partial void Splitting(ILogger logger, string partition, int total, int cap, string splitBy);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "France Travail: {Partition} has {Total} offers in a window that cannot be split further; only the first {Cap} are reachable")]
    public static partial void CannotSplit(ILogger logger, string partition, int total, int cap);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "France Travail: access token obtained, valid {Seconds}s")]
    public static partial void TokenObtained(ILogger logger, int seconds);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "France Travail: {Endpoint} answered 401; fetching a new token once")]
    public static partial void TokenRejected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "{Source}: page {Endpoint} [{Partition}] is not readable JSON; it lands as a reject and paging goes on")]
    public static partial void UnreadablePage(ILogger logger, string source, string endpoint, string partition);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "{Source}: partition {Partition} already complete in this window; skipped")]
    public static partial void PartitionSkipped(ILogger logger, string source, string partition);
}
