using JobMarket.Warehouse.Runner.Migrations;

namespace JobMarket.Warehouse.Runner.Pipeline.Steps;

/// <summary>Applies pending migrations; rows = scripts applied.</summary>
internal sealed class MigrateStep(Migrator migrator) : IPipelineBootstrapStep
{
    public string Name => "migrate";

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default)
    {
        var result = await migrator.MigrateAsync(false, ct);
        if (result.Error is { } error)
        {
            throw new WarehouseException($"migration {error}");
        }
        return StepResult.Done(result.Applied.Count, new { applied = result.Applied, already_applied = result.AlreadyApplied.Count });
    }
}
