using Mirt.Rules.Catalog;
using Mirt.Rules.Products;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Products;

public class ProductMatcherTests
{
    private static readonly ProductMatcher Matcher = new(CatalogLoader.LoadDefault());

    private static IEnumerable<string> Models(string text) => Matcher.FindModels(TokenizedText.From(text)).Select(p => p.Id);

    [Theory]
    [InlineData("а костюм Ритм в коричневом есть?", "rytm")]
    [InlineData("Хочу сукню Анну", "anna")]
    [InlineData("платье Анна", "anna")]
    [InlineData("костюм Каприз", "kapryz")]
    [InlineData("капризик", "kapryz")]
    [InlineData("лагуну в жовтому", "laguna")]
    [InlineData("Мрію рожеву", "mriia")]
    [InlineData("костюм мрия", "mriia")]
    [InlineData("Мерея є на 98?", "mereia")]
    [InlineData("Валері 134", "valeri")]
    [InlineData("тренч з екошкіри", "trench-eco")]
    [InlineData("тренч экокожа", "trench-eco")]
    [InlineData("тренч рожевий", "trench")]
    [InlineData("тренчик", "trench")]
    public void FindModels_ModelNamed_ReturnsIt(string text, string expected) => Models(text).Should().Equal(expected);

    [Fact]
    public void FindModels_TwoModels_ReturnsBothInMessageOrder() =>
        Models("Лагуна чи Ритм, або тренч із екошкіри").Should().Equal("laguna", "rytm", "trench-eco");

    [Theory]
    [InlineData("Добрий день! Шукаю сукню для доньки на випускний")]
    [InlineData("анулювати замовлення")]
    [InlineData("мережа магазинів")]
    [InlineData("ритмічно")]
    [InlineData("Здравствуйте, есть костюмы для мальчика?")]
    [InlineData("")]
    public void FindModels_NoModelNamed_ReturnsEmpty(string text) => Models(text).Should().BeEmpty();

    [Theory]
    [InlineData("Шукаю сукню для доньки", "dresses")]
    [InlineData("есть платья?", "dresses")]
    [InlineData("сукенку на випускний", "dresses")]
    [InlineData("Здравствуйте, есть костюмы для мальчика?", "suits")]
    [InlineData("костюмчик", "suits")]
    [InlineData("потрібен тренч", "outerwear")]
    [InlineData("плащ на весну", "outerwear")]
    [InlineData("верхній одяг", "outerwear")]
    [InlineData("верхняя одежда", "outerwear")]
    [InlineData("сукню чи костюм?", "dresses")]
    public void FindCategory_CategoryWord_ReturnsFirstCategory(string text, string expected) =>
        Matcher.FindCategory(TokenizedText.From(text)).Should().Be(expected);

    [Theory]
    [InlineData("Оплатила, ось квитанція")]
    [InlineData("платити карткою")]
    [InlineData("платіж пройшов")]
    [InlineData("платне?")]
    [InlineData("Привіт")]
    public void FindCategory_NoCategoryWord_ReturnsNull(string text) => Matcher.FindCategory(TokenizedText.From(text)).Should().BeNull();
}
