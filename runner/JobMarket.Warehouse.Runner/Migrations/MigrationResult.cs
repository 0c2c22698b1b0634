namespace JobMarket.Warehouse.Runner.Migrations;

/// <summary>What a migration run did; a failure is a value, not an exception (as DbUp's result).</summary>
internal sealed record MigrationResult(
    IReadOnlyList<string> AlreadyApplied,
    IReadOnlyList<string> Pending,
    IReadOnlyList<string> Applied,
    MigrationError? Error)
{
    public bool Successful => Error is null;
}

/// <summary>Why a run stopped: the script, the line within it (when known) and the message.</summary>
internal sealed record MigrationError(string Script, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Script}:{line}: {Message}" : $"{Script}: {Message}";
}
