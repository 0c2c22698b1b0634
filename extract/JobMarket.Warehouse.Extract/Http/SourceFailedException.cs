using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Http;

/// <summary>A source gave up (non-retryable status, retries exhausted, quota): that source stops, the others go on.</summary>
public sealed class SourceFailedException(JobSource source, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public JobSource JobSource { get; } = source;
}
