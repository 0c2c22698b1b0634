namespace JobMarket.Warehouse.Extract.Http;

/// <summary>Rate limit, timeout and retry settings of one source's HTTP calls.</summary>
public sealed class HttpPolicyOptions
{
    /// <summary>Requests allowed per <see cref="RatePeriodSeconds"/>; 0 disables pacing.</summary>
    public int RateLimitRequests { get; set; }

    public double RatePeriodSeconds { get; set; } = 1;

    /// <summary>Attempts per request, the first one included.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A <c>Retry-After</c> (or quota reset) longer than this stops the source instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public void Validate(string owner)
    {
        if (RateLimitRequests < 0 || RatePeriodSeconds <= 0)
        {
            throw new InvalidOperationException($"{owner}: RateLimitRequests must be >= 0 and RatePeriodSeconds > 0 (got {RateLimitRequests} per {RatePeriodSeconds}s).");
        }
        if (MaxAttempts is < 1 or > 20)
        {
            throw new InvalidOperationException($"{owner}: MaxAttempts must be between 1 and 20 (got {MaxAttempts}).");
        }
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay || RequestTimeout <= TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{owner}: delays must be >= 0 with MaxDelay >= BaseDelay and RequestTimeout > 0.");
        }
    }
}
