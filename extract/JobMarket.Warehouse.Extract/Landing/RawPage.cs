namespace JobMarket.Warehouse.Extract.Landing;

/// <summary>
/// One API response page as fetched: the body verbatim, and the request that produced it with its
/// secrets already removed (the caller removes them; the writer never sees a key).
/// </summary>
/// <param name="Endpoint">The path called, e.g. <c>/v1/api/jobs/fr/search/3</c>.</param>
/// <param name="PartitionKey">Which query partition the page belongs to, e.g. <c>dept=75</c>.</param>
/// <param name="RequestParamsJson">The query parameters as a JSON object, without secrets.</param>
public sealed record RawPage(
    JobSource Source,
    string Endpoint,
    string PartitionKey,
    string RequestParamsJson,
    int HttpStatus,
    DateTimeOffset FetchedAt,
    ReadOnlyMemory<byte> Body);
