using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

/// <summary>Extract run messages (4100–4199; the extractors themselves use 4001–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "{Source}: skipped ({Reason})")]
    public static partial void SourceSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "{Source}: window {From} to {To}{Resumed}")]
    public static partial void SourceWindow(ILogger logger, string source, string from, string to, string resumed);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "{Source}: {Status}, {Pages} pages, {Postings} postings, {Landed} landed, {Duplicates} already there, {Rejects} rejected, {Retries} retries")]
    public static partial void SourceFinished(ILogger logger, string source, string status, int pages, int postings, int landed, int duplicates, int rejects, int retries);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "{Source}: stopped: {Error}")]
    public static partial void SourceFailed(ILogger logger, string source, string error, Exception? exception);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "{Source}: page budget of {MaxPages} reached; the next run resumes from here")]
    public static partial void PageBudgetReached(ILogger logger, string source, int maxPages);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Landed {Files} file(s) into {Table}: {Landed} new, {Duplicates} already there, {Rejects} rejected")]
    public static partial void FilesLanded(ILogger logger, int files, string table, int landed, int duplicates, int rejects);
}
