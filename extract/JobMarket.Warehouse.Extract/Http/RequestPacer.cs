namespace JobMarket.Warehouse.Extract.Http;

/// <summary>
/// Spaces requests evenly so a source never exceeds its documented rate (e.g. Adzuna 25/min,
/// France Travail 10/s); one pacer per source, shared by its retries.
/// </summary>
public sealed class RequestPacer
{
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public RequestPacer(int requests, double periodSeconds)
    {
        _interval = requests <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(periodSeconds / requests);
    }

    public async Task WaitAsync(CancellationToken ct = default)
    {
        if (_interval == TimeSpan.Zero)
        {
            return;
        }
        await _gate.WaitAsync(ct);
        try
        {
            var now = DateTimeOffset.UtcNow;
            var wait = _next - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
            _next = (wait > TimeSpan.Zero ? _next : now) + _interval;
        }
        finally
        {
            _gate.Release();
        }
    }
}
