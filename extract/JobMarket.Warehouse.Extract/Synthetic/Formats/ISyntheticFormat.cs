using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>One source's search-endpoint response shape.</summary>
internal interface ISyntheticFormat
{
    JobSource Source { get; }

    int PageSize { get; }

    /// <summary>The query partition a job is found in (the extractor's partitioning), e.g. <c>departement=75</c>.</summary>
    string PartitionOf(Place place);

    /// <summary>Writes one job as an element of the page's result array.</summary>
    void WriteItem(Utf8JsonWriter writer, SyntheticJob job, DateTimeOffset fetchedAt);

    /// <summary>The page: the envelope around the items, with its endpoint and request parameters.</summary>
    RawPage Page(PageRequest request, IReadOnlyList<ReadOnlyMemory<byte>> items);
}
