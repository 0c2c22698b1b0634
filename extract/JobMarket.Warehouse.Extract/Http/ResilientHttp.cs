using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Logging;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Http;

/// <summary>
/// Sends one source's requests: paced to its rate limit, each attempt under a timeout, retried with
/// exponential backoff and jitter on 429, 5xx, timeouts and network errors, honouring
/// <c>Retry-After</c>. Anything else the classifier refuses stops the source
/// (<see cref="SourceFailedException"/>). Logs name the endpoint, never the URL with its keys.
/// </summary>
public sealed class ResilientHttp(JobSource source, HttpClient http, HttpPolicyOptions options, ILogger logger)
{
    private readonly RequestPacer _pacer = new(options.RateLimitRequests, options.RatePeriodSeconds);
    private int _retries;

    public int Retries => _retries;

    /// <param name="build">Builds a fresh request per attempt (a request cannot be sent twice).</param>
    /// <param name="endpoint">The path without query, for logs and errors.</param>
    /// <param name="classify">Overrides <see cref="DefaultClassify"/> for source-specific statuses.</param>
    public async Task<HttpFetch> SendAsync(Func<HttpRequestMessage> build, string endpoint, Func<HttpFetch, RetryDecision>? classify = null, CancellationToken ct = default)
    {
        classify ??= DefaultClassify;
        for (var attempt = 1; ; attempt++)
        {
            await _pacer.WaitAsync(ct);
            RetryDecision decision;
            HttpFetch? fetch = null;
            try
            {
                fetch = await SendOnceAsync(build, ct);
                decision = classify(fetch);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                decision = RetryDecision.RetryLater(null, $"no response within {options.RequestTimeout.TotalSeconds:0.###}s");
            }
            catch (HttpRequestException ex)
            {
                decision = RetryDecision.RetryLater(null, $"network error: {ex.Message}");
            }
            if (!decision.Retry)
            {
                if (decision.Reason is not null)
                {
                    throw new SourceFailedException(source, $"{endpoint} failed: {decision.Reason}");
                }
                return fetch!;
            }
            if (attempt >= options.MaxAttempts)
            {
                throw new SourceFailedException(source, $"{endpoint} failed after {attempt} attempts: {decision.Reason}");
            }
            if (decision.After is { } after && after > options.MaxRetryAfter)
            {
                throw new SourceFailedException(source, $"{endpoint}: {decision.Reason}; the server asks to wait {after.TotalSeconds:0}s, more than MaxRetryAfter ({options.MaxRetryAfter.TotalSeconds:0}s)");
            }
            var delay = decision.After ?? Backoff(attempt);
            Interlocked.Increment(ref _retries);
            Log.Retrying(logger, source.CliName(), endpoint, attempt, decision.Reason ?? "", (long)delay.TotalMilliseconds);
            await Task.Delay(delay, ct);
        }
    }

    private async Task<HttpFetch> SendOnceAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        using var request = build();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new HttpFetch((int)response.StatusCode, response.Headers, response.Content.Headers, body, DateTimeOffset.UtcNow);
    }

    /// <summary>Exponential backoff with "equal jitter": half fixed, half random, capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }

    /// <summary>2xx kept; 408, 429 and 5xx retried (after <c>Retry-After</c> when given); other statuses stop the source.</summary>
    public static RetryDecision DefaultClassify(HttpFetch fetch) => fetch.Status switch
    {
        >= 200 and < 300 => RetryDecision.Accept,
        408 or 429 or >= 500 => RetryDecision.RetryLater(RetryAfter(fetch), $"HTTP {fetch.Status}"),
        _ => RetryDecision.Fail($"HTTP {fetch.Status}: {fetch.BodyPreview()}"),
    };

    /// <summary><c>Retry-After</c> as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpFetch fetch)
    {
        var retryAfter = fetch.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (retryAfter?.Date is { } date)
        {
            var wait = date - fetch.FetchedAt;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
