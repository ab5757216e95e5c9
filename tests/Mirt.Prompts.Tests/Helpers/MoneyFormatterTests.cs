using Mirt.Prompts.Helpers;

namespace Mirt.Prompts.Tests.Helpers;

public sealed class MoneyFormatterTests
{
    public static TheoryData<object?, string> Amounts => new()
    {
        { 2050m, "2 050" },
        { 2050.00m, "2 050" },
        { 57.5m, "57.50" },
        { 0m, "0" },
        { 999, "999" },
        { 1000L, "1 000" },
        { 1234567.891m, "1 234 567.89" },
        { 99.999m, "100" },
        { 0.005m, "0.01" },
        { -1500m, "-1 500" },
        { 3.25d, "3.25" },
        { 12.5f, "12.50" },
        { "1500", "1 500" },
        { null, "" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Format_Number_UsesSpaceSeparatorAndCentsOnlyWhenNeeded(object? value, string expected)
    {
        MoneyFormatter.Format(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("дорого")]
    [InlineData(double.NaN)]
    [InlineData(true)]
    public void Format_NotANumber_ThrowsArgumentExceptionNamingValue(object value)
    {
        var format = () => MoneyFormatter.Format(value);

        format.Should().Throw<ArgumentException>().WithMessage("The 'money' helper needs a number but got*");
    }
}
