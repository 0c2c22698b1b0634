using JobMarket.Warehouse.Runner.Pipeline;

namespace JobMarket.Warehouse.Tests.Pipeline;

/// <summary>A step whose behaviour a test supplies; counts its attempts and signals when it starts.</summary>
internal sealed class TestStep(string name, Func<int, PipelineContext, CancellationToken, Task<StepResult>> body) : IPipelineStep
{
    private int _attempts;

    public string Name => name;
    public int Attempts => _attempts;
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        Started.TrySetResult();
        return body(attempt, context, ct);
    }
}
