using Mirt.Rules.Catalog;
using Mirt.Rules.Upsell;

namespace Mirt.Rules.Tests.Upsell;

public class UpsellRuleTests
{
    private static readonly Mirt.Rules.Catalog.Catalog Catalog = CatalogLoader.LoadDefault();

    private static UpsellSuggestion? Suggest(string productId, string color) => UpsellRule.Suggest(Catalog, Catalog.FindById(productId)!, color);

    [Theory]
    [InlineData("рожевий", "рожевий")]
    [InlineData("голубий", "голубий")]
    [InlineData("чорний", "рожевий")]
    [InlineData("малина", "рожевий")]
    public void Suggest_Dress_OffersTrenchInSameColourOrItsFirst(string dressColor, string trenchColor)
    {
        var suggestion = Suggest("anna", dressColor)!;

        suggestion.Kind.Should().Be(UpsellKind.CrossSell);
        suggestion.Product.Id.Should().Be("trench");
        suggestion.Color.Should().Be(trenchColor);
    }

    [Theory]
    [InlineData("rytm", "рожевий", "шоколадний")]
    [InlineData("rytm", "шоколадний", "рожевий")]
    [InlineData("kapryz", "рожевий", "бордовий")]
    [InlineData("laguna", "сірий", "рожевий")]
    [InlineData("mriia", "жовтий", "рожевий")]
    public void Suggest_Suit_OffersSameModelInFirstOtherColour(string productId, string ordered, string offered) =>
        Suggest(productId, ordered).Should().BeEquivalentTo(new UpsellSuggestion(UpsellKind.SecondColor, Catalog.FindById(productId)!, offered));

    [Theory]
    [InlineData("valeri", "універсальний")]
    [InlineData("mereia", "молочний")]
    public void Suggest_SingleColourSuit_ReturnsNull(string productId, string color) => Suggest(productId, color).Should().BeNull();

    [Theory]
    [InlineData("trench", "рожевий")]
    [InlineData("trench-eco", "молочний")]
    public void Suggest_Outerwear_HasNoUpsellSetting(string productId, string color) => Suggest(productId, color).Should().BeNull();
}
