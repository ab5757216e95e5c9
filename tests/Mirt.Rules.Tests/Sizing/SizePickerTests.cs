using Mirt.Rules.Catalog;
using Mirt.Rules.Sizing;

namespace Mirt.Rules.Tests.Sizing;

public class SizePickerTests
{
    private static readonly Mirt.Rules.Catalog.Catalog Catalog = CatalogLoader.LoadDefault();

    private static SizeChoice Pick(string productId, int height) => SizePicker.Pick(Catalog.FindById(productId)!, Catalog.Grid, height);

    [Theory]
    [InlineData(80, "80-92")]
    [InlineData(92, "80-92")]
    [InlineData(93, "98-104")]
    [InlineData(104, "98-104")]
    [InlineData(105, "110-116")]
    [InlineData(118, "110-116")]
    [InlineData(120, "110-116")]
    [InlineData(121, "122-128")]
    [InlineData(131, "122-128")]
    [InlineData(132, "134-140")]
    [InlineData(143, "134-140")]
    [InlineData(144, "146-152")]
    [InlineData(155, "146-152")]
    [InlineData(156, "158-164")]
    [InlineData(168, "158-164")]
    public void Pick_BoundaryHeight_StaysInLowerSize(int height, string label) =>
        Pick("laguna", height).Should().Be(new SizeChoice(SizeOutcome.Fits, Catalog.FindById("laguna")!.FindSize(label)));

    [Theory]
    [InlineData(79)]
    [InlineData(181)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(250)]
    public void Pick_HeightOutsideAcceptedRange_ReportsHeightOutOfRange(int height) =>
        Pick("laguna", height).Should().Be(new SizeChoice(SizeOutcome.HeightOutOfRange, null));

    [Theory]
    [InlineData("laguna", 169)]
    [InlineData("laguna", 180)]
    [InlineData("anna", 104)]
    [InlineData("anna", 80)]
    [InlineData("rytm", 92)]
    [InlineData("valeri", 85)]
    [InlineData("valeri", 92)]
    [InlineData("valeri", 165)]
    [InlineData("trench", 170)]
    public void Pick_ModelHasNoSizeForAcceptedHeight_ReportsNotInProductRange(string productId, int height) =>
        Pick(productId, height).Should().Be(new SizeChoice(SizeOutcome.NotInProductRange, null));

    [Theory]
    [InlineData(86, "80-92", 1590)]
    [InlineData(100, "98-104", 1790)]
    [InlineData(118, "110-116", 1990)]
    [InlineData(125, "122-128", 2190)]
    [InlineData(140, "134-140", 2290)]
    [InlineData(150, "146-152", 2390)]
    [InlineData(160, "158-164", 2390)]
    public void Pick_Laguna_PriceFollowsSizeTier(int height, string label, int price)
    {
        var choice = Pick("laguna", height);

        choice.Size!.Label.Should().Be(label);
        choice.Size.PriceUah.Should().Be(price);
        Pick("mriia", height).Size!.PriceUah.Should().Be(price);
    }

    [Theory]
    [InlineData(90, 1985)]
    [InlineData(131, 1985)]
    [InlineData(132, 2150)]
    [InlineData(168, 2150)]
    public void Pick_Mereia_PriceChangesFrom134To140(int height, int price) => Pick("mereia", height).Size!.PriceUah.Should().Be(price);

    [Theory]
    [InlineData(93, "98")]
    [InlineData(98, "98")]
    [InlineData(99, "104")]
    [InlineData(118, "122")]
    [InlineData(131, "134")]
    [InlineData(134, "134")]
    [InlineData(135, "140")]
    [InlineData(160, "164")]
    [InlineData(164, "164")]
    public void Pick_Valeri_SmallestSingleSizeAtOrAboveHeight(int height, string label)
    {
        var choice = Pick("valeri", height);

        choice.Outcome.Should().Be(SizeOutcome.Fits);
        choice.Size!.Label.Should().Be(label);
        choice.Size.PriceUah.Should().Be(2150);
    }

    [Fact]
    public void Pick_AnnaAt118_Returns110To116At2050() =>
        Pick("anna", 118).Size.Should().Be(new ProductSize("110-116", 105, 120, 2050));
}
