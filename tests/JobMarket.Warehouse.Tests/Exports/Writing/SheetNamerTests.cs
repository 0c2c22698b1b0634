using JobMarket.Warehouse.Runner.Exports.Writing;

namespace JobMarket.Warehouse.Tests.Exports.Writing;

public sealed class SheetNamerTests
{
    [Theory]
    [InlineData("Salaries",                                   "Salaries")]
    [InlineData("Q1/Q2: [draft]*?\\",                         "Q1_Q2_ _draft____")]
    [InlineData("  'quoted'  ",                               "quoted")]
    [InlineData("",                                           "Sheet")]
    [InlineData("history",                                    "history_")]
    [InlineData("A name that is far longer than thirty-one",  "A name that is far longer than")]
    [InlineData("Compétences 🚀 et salaires par région xx",   "Compétences 🚀 et salaires par")]
    [InlineData("Tab\there",                                  "Tab_here")]
    public void Clean_ReturnsANameExcelAccepts(string wanted, string expected)
    {
        var name = SheetNamer.Clean(wanted);

        Assert.Equal(expected, name);
        Assert.InRange(name.Length, 1, SheetNamer.MaxLength);
    }

    [Fact]
    public void Unique_NumbersRepeats_IgnoringCaseAndStayingWithinTheLimit()
    {
        var namer = new SheetNamer();

        string[] names = [namer.Unique("Skills"), namer.Unique("skills"), namer.Unique("SKILLS"),
            namer.Unique("Thirty-one characters exactly!!"), namer.Unique("Thirty-one characters exactly!!")];

        Assert.Equal(["Skills", "skills (2)", "SKILLS (3)", "Thirty-one characters exactly!!", "Thirty-one characters exact (2)"], names);
    }
}
