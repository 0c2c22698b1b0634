using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

/// <summary>Metabase provisioning (event ids 10xxx). Never a credential, only names and counts.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 10001, Level = LogLevel.Information, Message = "Waiting for Metabase at {Url} to report healthy")]
    public static partial void MetabaseWaiting(ILogger logger, string url);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Information, Message = "Metabase {Version} is up (first-run setup done: {HasUserSetup})")]
    public static partial void MetabaseVersionFound(ILogger logger, string version, bool hasUserSetup);

    [LoggerMessage(EventId = 10003, Level = LogLevel.Information, Message = "Metabase first-run setup done; admin user created")]
    public static partial void MetabaseSetupDone(ILogger logger);

    [LoggerMessage(EventId = 10004, Level = LogLevel.Information, Message = "Metabase {Kind} {Name}: {Action}")]
    public static partial void MetabaseChange(ILogger logger, string kind, string name, string action);

    [LoggerMessage(EventId = 10005, Level = LogLevel.Information, Message = "Waiting for Metabase to sync database {Name}")]
    public static partial void MetabaseSyncWaiting(ILogger logger, string name);

    [LoggerMessage(EventId = 10006, Level = LogLevel.Warning, Message = "Metabase has not finished syncing {Name} after {Seconds} s; continuing, native questions do not need the sync")]
    public static partial void MetabaseSyncTimeout(ILogger logger, string name, int seconds);

    [LoggerMessage(EventId = 10007, Level = LogLevel.Warning, Message = "Metabase holds {Count} {Kind}s named {Name} in the collection; provisioning manages the oldest (id {Id})")]
    public static partial void MetabaseDuplicateName(ILogger logger, int count, string kind, string name, int id);

    [LoggerMessage(EventId = 10008, Level = LogLevel.Information, Message = "Password of role {Role} set from the environment")]
    public static partial void ReaderPasswordSet(ILogger logger, string role);
}
