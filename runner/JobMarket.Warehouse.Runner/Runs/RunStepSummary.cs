namespace JobMarket.Warehouse.Runner.Runs;

/// <summary>One step of a <see cref="RunSummary"/>.</summary>
internal sealed record RunStepSummary(
    int Ordinal, string Step, string Status, long? Rows, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public double? DurationSeconds => FinishedAt is { } f ? Math.Round((f - StartedAt).TotalSeconds, 3) : null;
}
