using JobMarket.Warehouse.Runner.Exports.Writing;

namespace JobMarket.Warehouse.Tests.Exports.Writing;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("=1+1",        true)]
    [InlineData("+33 6 12",    true)]
    [InlineData("-2+3",        true)]
    [InlineData("@SUM(A1)",    true)]
    [InlineData("\tx",         true)]
    [InlineData("\rx",         true)]
    [InlineData("a=1",         false)]
    [InlineData("",            false)]
    [InlineData(" =1",         false)]
    public void IsFormulaLike_FlagsWhatASpreadsheetWouldEvaluate(string text, bool expected)
    {
        Assert.Equal(expected, CellText.IsFormulaLike(text));
        Assert.Equal(expected ? "'" + text : text, CellText.ForCsv(text));
    }

    [Fact]
    public void ForXlsx_CutsAtTheCellLimit_WithoutSplittingASurrogatePair()
    {
        var text = new string('x', CellText.MaxXlsxLength - 2) + "🚀🚀";

        var cut = CellText.ForXlsx(text);

        Assert.Equal(CellText.MaxXlsxLength - 1, cut.Length);
        Assert.Equal(new string('x', CellText.MaxXlsxLength - 2) + CellText.TruncationMark, cut);
        Assert.Equal("short", CellText.ForXlsx("short"));
    }
}
