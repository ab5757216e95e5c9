using Mirt.Rules.Catalog;
using Mirt.Rules.Colors;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Colors;

public class ColorCatalogTests
{
    private static readonly ColorCatalog Colors = ColorCatalog.Default;
    private static readonly Mirt.Rules.Catalog.Catalog Catalog = CatalogLoader.LoadDefault();

    private static IReadOnlyList<string> Find(string text) => Colors.FindMentioned(TokenizedText.From(text));

    [Theory]
    [InlineData("Рожевий гарний, давайте рожевий", "рожевий")]
    [InlineData("а костюм Ритм в коричневом есть?", "шоколадний")]
    [InlineData("коричнева", "шоколадний")]
    [InlineData("шоколадний", "шоколадний")]
    [InlineData("блакитна сукня", "голубий")]
    [InlineData("голубое платье", "голубий")]
    [InlineData("белый", "білий")]
    [InlineData("біленьку", "білий")]
    [InlineData("есть в розовом?", "рожевий")]
    [InlineData("в малиновому", "малина")]
    [InlineData("чёрное", "чорний")]
    [InlineData("чорну", "чорний")]
    [InlineData("красное платье", "червоний")]
    [InlineData("червону", "червоний")]
    [InlineData("серый костюм", "сірий")]
    [InlineData("сіру", "сірий")]
    [InlineData("бордовый", "бордовий")]
    [InlineData("оранжевый", "помаранчевий")]
    [InlineData("помаранчевий", "помаранчевий")]
    [InlineData("желтый", "жовтий")]
    [InlineData("жовтенький", "жовтий")]
    [InlineData("молочного кольору", "молочний")]
    [InlineData("капучино", "капучіно")]
    [InlineData("темно-синій тренч", "темно-синій")]
    [InlineData("темно синий", "темно-синій")]
    [InlineData("синій", "темно-синій")]
    public void FindMentioned_ColourWord_ReturnsCanonicalColour(string text, string expected) => Find(text).Should().Equal(expected);

    [Theory]
    [InlineData("Добрий день! Шукаю сукню для доньки")]
    [InlineData("серед тижня")]
    [InlineData("серпень")]
    [InlineData("серйозно?")]
    [InlineData("красива сукня")]
    [InlineData("прекрасно")]
    [InlineData("малий розмір")]
    [InlineData("у червні випускний")]
    [InlineData("в жовтні")]
    [InlineData("Чернігів, відділення 5")]
    [InlineData("Біла Церква")]
    [InlineData("для сина")]
    [InlineData("з сином")]
    [InlineData("більше")]
    [InlineData("чернетка")]
    [InlineData("з капюшоном?")]
    [InlineData("")]
    public void FindMentioned_NoColourWord_ReturnsEmpty(string text) => Find(text).Should().BeEmpty();

    [Fact]
    public void FindMentioned_SeveralColours_ReturnsInMessageOrderOnce() =>
        Find("чорну або рожеву, хоча чорна краще, чи бордо").Should().Equal("чорний", "рожевий", "бордовий");

    [Theory]
    [InlineData("anna", "рожевий", "рожевий")]
    [InlineData("rytm", "шоколадний", "шоколадний")]
    [InlineData("trench", "темно-синій", "темно-синій")]
    [InlineData("rytm", "коричневий", "шоколадний")]
    public void Resolve_ModelHasColour_ReturnsItDirectly(string productId, string requested, string expected) =>
        Colors.Resolve(Catalog.FindById(productId)!, requested).Should().Be(new ColorResolution(true, expected, expected, false));

    [Theory]
    [InlineData("mereia")]
    [InlineData("trench-eco")]
    public void Resolve_WhiteWhereOnlyMilkExists_OffersMilkAsSubstitute(string productId) =>
        Colors.Resolve(Catalog.FindById(productId)!, "білий").Should().Be(new ColorResolution(true, "молочний", "білий", true));

    [Theory]
    [InlineData("anna", "білий")]
    [InlineData("anna", "жовтий")]
    [InlineData("laguna", "чорний")]
    [InlineData("valeri", "рожевий")]
    public void Resolve_ModelLacksColourAndSubstitute_ReturnsUnavailable(string productId, string requested) =>
        Colors.Resolve(Catalog.FindById(productId)!, requested).Should().Be(new ColorResolution(false, null, requested, false));

    [Fact]
    public void CanonicalColors_IncludeEveryCatalogColour() =>
        Catalog.Products.SelectMany(p => p.Colors).Select(c => c.Color).Should().OnlyContain(c => Colors.CanonicalColors.Contains(c));
}
