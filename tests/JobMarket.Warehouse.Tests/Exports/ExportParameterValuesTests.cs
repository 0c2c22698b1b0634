using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Exports.Definitions;

namespace JobMarket.Warehouse.Tests.Exports;

public sealed class ExportParameterValuesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 21);

    private static ExportParameter Parameter(ExportParameterType type) => new("p", type, false, null, null, 1);

    [Theory]
    [InlineData("Text",    " Île-de-France ", " Île-de-France ")]
    [InlineData("Integer", "42",              "42")]
    [InlineData("Decimal", "1234.5",          "1234.5")]
    [InlineData("Boolean", "yes",             "true")]
    [InlineData("Boolean", "FALSE",           "false")]
    [InlineData("Date",    "2026-01-31",      "2026-01-31")]
    [InlineData("Date",    "today",           "2026-11-21")]
    [InlineData("Date",    "today-7d",        "2026-11-14")]
    [InlineData("Date",    "today-4w",        "2026-10-24")]
    [InlineData("Date",    "today-3m",        "2026-08-21")]
    [InlineData("Date",    "today+1y",        "2027-11-21")]
    [InlineData("Date",    "today-10",        "2026-11-11")]
    public void Parse_ReturnsTypedValue(string typeName, string text, string expected)
    {
        var type = Enum.Parse<ExportParameterType>(typeName);
        var value = ExportParameterValues.Parse(Parameter(type), text, s_today);

        Assert.Equal(expected, ExportParameterValues.Display(value));
        Assert.Equal(type switch
        {
            ExportParameterType.Integer => typeof(long),
            ExportParameterType.Decimal => typeof(decimal),
            ExportParameterType.Boolean => typeof(bool),
            ExportParameterType.Date => typeof(DateOnly),
            _ => typeof(string),
        }, value.GetType());
    }

    [Theory]
    [InlineData("Integer", "4.2",       "parameter 'p' expects an integer, got '4.2'")]
    [InlineData("Decimal", "1,5",       "parameter 'p' expects a decimal number, got '1,5'")]
    [InlineData("Boolean", "maybe",     "parameter 'p' expects true or false, got 'maybe'")]
    [InlineData("Date",    "31/01/2026", "parameter 'p' expects a date (yyyy-MM-dd, today, today-7d, today-4w, today-3m), got '31/01/2026'")]
    public void Parse_FailsClearly_WhenTheTextIsNotOfTheType(string typeName, string text, string expected)
    {
        var type = Enum.Parse<ExportParameterType>(typeName);
        var error = Assert.Throws<FormatException>(() => ExportParameterValues.Parse(Parameter(type), text, s_today));

        Assert.Equal(expected, error.Message);
    }
}
