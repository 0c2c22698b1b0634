namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>What a <see cref="BuildRequest"/> does with the selected nodes.</summary>
internal enum EngineCommand
{
    /// <summary>Seeds, models and all their tests in DAG order; failing error tests block publication and downstream.</summary>
    Build,
    /// <summary>Models only, without tests.</summary>
    Run,
    /// <summary>Seeds only.</summary>
    Seed,
    /// <summary>Data tests only, against the published relations.</summary>
    Test,
}
