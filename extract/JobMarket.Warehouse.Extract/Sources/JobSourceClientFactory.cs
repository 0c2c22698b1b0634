using JobMarket.Warehouse.Extract.Http;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Sources.Adzuna;
using JobMarket.Warehouse.Extract.Sources.FranceTravail;
using JobMarket.Warehouse.Extract.Sources.JSearch;
using JobMarket.Warehouse.Extract.Sources.TheMuse;
using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Extract.Sources;

/// <summary>
/// Builds each source's client from its options and credentials, over the real network or over a
/// given transport (the offline samples, a test server). Owns the HTTP clients it creates.
/// </summary>
public sealed class JobSourceClientFactory(ExtractOptions options, ILoggerFactory loggers) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    /// <summary>The source's client, or null (with the reason) when its credentials are missing.</summary>
    public IJobSourceClient? Create(JobSource source, Func<string, string?> environment, out string? skipReason, HttpMessageHandler? transport = null)
    {
        var credentials = SourceCredentials.Read(source, environment, out var missing);
        if (credentials is null)
        {
            skipReason = $"no credentials: set {string.Join(" and ", missing)}";
            return null;
        }
        skipReason = null;
        return Create(source, options, credentials, transport);
    }

    /// <summary>A client replaying <c>extract/samples/&lt;source&gt;/page-NNNN.json</c> through <see cref="SamplesTransport"/>.</summary>
    public IJobSourceClient CreateForSamples(JobSource source, string samplesFolder)
    {
        var transport = new SamplesTransport(source, Path.Combine(samplesFolder, source.CliName()));
        return Create(source, SamplesTransport.Options(transport.PageCount), SamplesTransport.Credentials(source), transport);
    }

    private IJobSourceClient Create(JobSource source, ExtractOptions settings, SourceCredentials credentials, HttpMessageHandler? transport)
    {
        var sourceOptions = settings.For(source);
        var http = new HttpClient(transport ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }, disposeHandler: transport is null)
        {
            Timeout = Timeout.InfiniteTimeSpan, // ResilientHttp times each attempt itself.
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("JobMarketWarehouse/1.0");
        _clients.Add(http);
        var logger = loggers.CreateLogger($"JobMarket.Warehouse.Extract.{source}");
        var policy = sourceOptions.Http;
        if (source == JobSource.TheMuse && credentials.Secret is null && policy.RateLimitRequests > 0)
        {
            policy = Slower(policy, settings.TheMuse.RequestsPerHourWithoutKey);
        }
        var resilient = new ResilientHttp(source, http, policy, logger);
        return source switch
        {
            JobSource.Adzuna => new AdzunaClient(settings.Adzuna, credentials.Id!, credentials.Secret!, resilient, logger),
            JobSource.FranceTravail => new FranceTravailClient(settings.FranceTravail,
                new FranceTravailTokenProvider(settings.FranceTravail, credentials.Id!, credentials.Secret!, resilient, logger), resilient, logger),
            JobSource.JSearch => new JSearchClient(settings.JSearch, credentials.Secret!, resilient, logger),
            JobSource.TheMuse => new TheMuseClient(settings.TheMuse, credentials.Secret, resilient, logger),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
        };
    }

    /// <summary>The Muse allows 500 requests an hour without a key (3,600 with one).</summary>
    private static HttpPolicyOptions Slower(HttpPolicyOptions policy, int requestsPerHour)
    {
        var perSecondConfigured = policy.RateLimitRequests / policy.RatePeriodSeconds;
        return perSecondConfigured <= requestsPerHour / 3600.0
            ? policy
            : new HttpPolicyOptions
            {
                RateLimitRequests = requestsPerHour,
                RatePeriodSeconds = 3600,
                MaxAttempts = policy.MaxAttempts,
                BaseDelay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                MaxRetryAfter = policy.MaxRetryAfter,
                RequestTimeout = policy.RequestTimeout,
            };
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        _clients.Clear();
    }
}
