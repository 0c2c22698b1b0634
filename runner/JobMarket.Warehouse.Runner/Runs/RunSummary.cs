namespace JobMarket.Warehouse.Runner.Runs;

/// <summary>One recorded run with its steps, as <c>jobmarket runs</c> shows it.</summary>
internal sealed record RunSummary(
    long RunId, string Command, string Status, string Trigger, string? Job, string Host, int? Pid, string? Error,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyList<RunStepSummary> Steps)
{
    public double? DurationSeconds => FinishedAt is { } f ? Math.Round((f - StartedAt).TotalSeconds, 3) : null;
}
