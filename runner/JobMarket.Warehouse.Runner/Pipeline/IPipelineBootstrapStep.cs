namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// A step that may run before its run can be recorded, because it creates the audit tables
/// (migrate on a fresh database). The runner records it as soon as the tables exist.
/// </summary>
internal interface IPipelineBootstrapStep : IPipelineStep;
