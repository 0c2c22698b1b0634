using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Runner.Extraction;

/// <summary>
/// One source's counts in a run (also the progress snapshot): pages fetched, postings in them, pages
/// newly landed, already-present pages, rejected pages, retries. <see cref="SourceStatus.Partial"/>
/// means the page budget ran out; the next run resumes there.
/// </summary>
internal sealed record SourceSummary(
    JobSource Source,
    SourceStatus Status,
    int Pages,
    int Postings,
    int Landed,
    int Duplicates,
    int Rejects,
    int Retries,
    TimeSpan Duration,
    string? Message = null)
{
    public static SourceSummary Start(JobSource source) => new(source, SourceStatus.Pending, 0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    public bool IsFinished => Status is not (SourceStatus.Pending or SourceStatus.Running);
}
