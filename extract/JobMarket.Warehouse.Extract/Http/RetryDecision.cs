namespace JobMarket.Warehouse.Extract.Http;

/// <summary>What to do with a response: keep it, retry it (after an optional server-given delay), or give up.</summary>
public sealed record RetryDecision(bool Retry, TimeSpan? After, string? Reason)
{
    public static RetryDecision Accept { get; } = new(false, null, null);

    public static RetryDecision RetryLater(TimeSpan? after, string reason) => new(true, after, reason);

    public static RetryDecision Fail(string reason) => new(false, null, reason);
}
