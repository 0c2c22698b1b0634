using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Tests.Models.Execution;

public sealed class CriticalPathTests
{
    // source → bridge (4 s) → demand (2 s); source → rollup (5 s); source → mix (1 s)
    private static readonly Dictionary<string, List<string>> s_waiters = new()
    {
        ["source"] = ["bridge", "rollup", "mix"],
        ["bridge"] = ["demand"],
    };

    [Fact]
    public void ChainSeconds_AddsTheLongestChainWaitingOnEachNode_WhenTimingsAreKnown()
    {
        var seconds = new Dictionary<string, double> { ["source"] = 10, ["bridge"] = 4, ["demand"] = 2, ["rollup"] = 5, ["mix"] = 1 };

        var chain = CriticalPath.ChainSeconds(["source", "bridge", "rollup", "mix", "demand"], s_waiters, seconds);

        Assert.Equal(16, chain["source"]);   // 10 + bridge 4 + demand 2, longer than rollup's 5
        Assert.Equal(6, chain["bridge"]);
        Assert.Equal(5, chain["rollup"]);
        Assert.Equal(1, chain["mix"]);
        Assert.Equal(2, chain["demand"]);
        // ready together, the bridge heads the longest chain and starts first
        Assert.Equal(["bridge", "rollup", "mix"], new[] { "mix", "rollup", "bridge" }.OrderByDescending(n => chain[n]));
    }

    [Fact]
    public void ChainSeconds_IsZeroForEveryNode_WhenNothingWasTimed()
    {
        var chain = CriticalPath.ChainSeconds(["source", "bridge", "rollup", "mix", "demand"], s_waiters, new Dictionary<string, double>());

        Assert.All(chain.Values, seconds => Assert.Equal(0, seconds));
        Assert.Equal(5, chain.Count);
    }
}
