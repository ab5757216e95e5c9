using Mirt.Prompts.Helpers;

namespace Mirt.Prompts.Tests.Helpers;

public sealed class HelperValuesTests
{
    public static TheoryData<object?, string> Comparable => new()
    {
        { null, "" },
        { "Paid", "Paid" },
        { true, "true" },
        { 5L, "5" },
        { 5.50m, "5.5" },
        { 2.5d, "2.5" },
    };

    public static TheoryData<object?, bool> Truthiness => new()
    {
        { null, false },
        { "", false },
        { "x", true },
        { new List<object?>(), false },
        { new List<object?> { 1 }, true },
        { false, false },
        { 0L, true },
    };

    [Theory]
    [MemberData(nameof(Comparable))]
    public void ToComparableText_Value_IsInvariantText(object? value, string expected)
    {
        HelperValues.ToComparableText(value).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Truthiness))]
    public void HasAny_Value_IsTrueOnlyWhenSomethingIsThere(object? value, bool expected)
    {
        HelperValues.HasAny(value).Should().Be(expected);
    }

    [Fact]
    public void Join_ListOfValues_JoinsTheirText()
    {
        HelperValues.Join(new List<object?> { "льон", 2L, null, true }, ", ").Should().Be("льон, 2, , true");
        HelperValues.Join(null, ", ").Should().BeEmpty();
    }
}
