namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>
/// What every golden variant checks first: after its second fetch, the incremental build wrote each
/// incremental table exactly as the full refresh that follows it.
/// </summary>
public abstract class IncrementalVariantTests<TWarehouse>(TWarehouse warehouse) : IClassFixture<TWarehouse>
    where TWarehouse : GoldenWarehouse
{
    public static TheoryData<string> IncrementalTables => [.. GoldenWarehouse.IncrementalTables];

    protected TWarehouse Warehouse { get; } = warehouse;

    [Theory]
    [MemberData(nameof(IncrementalTables))]
    public async Task IncrementalBuild_WritesWhatAFullRefreshWrites_AfterTheVariantsSecondFetch(string table)
    {
        Assert.True(Warehouse.SecondBuild.Succeeded, Warehouse.SecondBuild.Summary);
        Assert.True(Warehouse.FullRefreshBuild.Succeeded, Warehouse.FullRefreshBuild.Summary);

        Assert.Empty(await Warehouse.IncrementalDifferencesAsync(table));
    }
}
