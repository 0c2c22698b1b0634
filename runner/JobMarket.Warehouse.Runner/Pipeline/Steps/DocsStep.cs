using JobMarket.Warehouse.Runner.Configuration;
using JobMarket.Warehouse.Runner.Models.Docs;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Pipeline.Steps;

/// <summary>Writes the static docs site (<c>target/docs</c>), as <c>jobmarket docs</c> does. Rows = documented nodes.</summary>
internal sealed class DocsStep(ProjectPaths paths) : IPipelineStep
{
    public string Name => "docs";

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default)
    {
        var project = ProjectLoader.Load(paths.Home);
        var index = DocsSiteWriter.Write(project, paths.Target);
        return Task.FromResult(StepResult.Done(project.Nodes.Count, new { index = Path.GetRelativePath(paths.Home, index) }));
    }
}
