using Mirt.Rules.Catalog;

namespace Mirt.Rules.Tests.Catalog;

public class SizeGridTests
{
    private static readonly SizeGrid Grid = CatalogLoader.LoadDefault().Grid;

    [Theory]
    [InlineData("80-92", 80, 92)]
    [InlineData("98-104", 93, 104)]
    [InlineData("110-116", 105, 120)]
    [InlineData("122-128", 121, 131)]
    [InlineData(" 158-164 ", 156, 168)]
    public void Find_Label_ReturnsHeightRange(string label, int min, int max) =>
        Grid.Find(label).Should().Be(new GridSize(label.Trim(), min, max));

    [Theory]
    [InlineData("80-90")]
    [InlineData("128")]
    [InlineData("")]
    public void Find_UnknownLabel_ReturnsNull(string label) => Grid.Find(label).Should().BeNull();

    [Theory]
    [InlineData(80, "80-92")]
    [InlineData(120, "110-116")]
    [InlineData(121, "122-128")]
    [InlineData(168, "158-164")]
    public void FindForHeight_Height_ReturnsFirstSizeWhoseMaxIsAtLeastIt(int height, string label) =>
        Grid.FindForHeight(height)!.Label.Should().Be(label);

    [Theory]
    [InlineData(79)]
    [InlineData(169)]
    public void FindForHeight_OutsideGrid_ReturnsNull(int height) => Grid.FindForHeight(height).Should().BeNull();

    [Theory]
    [InlineData(80, true)]
    [InlineData(180, true)]
    [InlineData(79, false)]
    [InlineData(181, false)]
    public void Accepts_Height_FollowsTheAcceptedRange(int height, bool expected) => Grid.Accepts(height).Should().Be(expected);
}
