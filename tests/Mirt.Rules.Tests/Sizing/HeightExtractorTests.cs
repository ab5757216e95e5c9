using Mirt.Rules.Sizing;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Sizing;

public class HeightExtractorTests
{
    private static int? Extract(string text, bool expecting) => HeightExtractor.ExtractHeightCm(TokenizedText.From(text), expecting);

    [Theory]
    [InlineData("118 см")]
    [InlineData("Зріст 118 см, їй 6 років")]
    [InlineData("їй 6 років, зріст 118")]
    [InlineData("рост 118")]
    [InlineData("118см")]
    [InlineData("ріст у неї 118")]
    [InlineData("дитині 5 рочків, зріст 118 сантиметрів")]
    [InlineData("Висота 118")]
    [InlineData("118 cm")]
    [InlineData("ростом 118, обхват груді 60 см")]
    [InlineData("1,18 м")]
    [InlineData("1.18м")]
    public void ExtractHeightCm_MarkedHeight_Returns118EvenWhenNotExpecting(string text) => Extract(text, expecting: false).Should().Be(118);

    [Theory]
    [InlineData("рост 131", 131)]
    [InlineData("1,20", 120)]
    [InlineData("1.20 м", 120)]
    [InlineData("1,2 м", 120)]
    [InlineData("0,95 м", 95)]
    [InlineData("зріст 75 см", 75)]
    [InlineData("зріст 190", 190)]
    [InlineData("128", 128)]
    [InlineData("десь 110, може трохи більше", 110)]
    [InlineData("мені 35 років, доньці 120", 120)]
    [InlineData("нова пошта, зріст 120", 120)]
    [InlineData("зріст 120, відділення 5", 120)]
    public void ExtractHeightCm_ExpectingHeight_ReturnsRawCm(string text, int expected) => Extract(text, expecting: true).Should().Be(expected);

    [Theory]
    [InlineData("6 років")]
    [InlineData("їй 5 лет")]
    [InlineData("нам 3 рочки")]
    [InlineData("2050 грн")]
    [InlineData("150 грн")]
    [InlineData("120 гривень передплата")]
    [InlineData("067 123 45 67")]
    [InlineData("+380501112233")]
    [InlineData("довжина 60 см")]
    [InlineData("обхват талії 58 см")]
    [InlineData("вага 120 кг")]
    [InlineData("доставка 2 дні")]
    [InlineData("відділення 25")]
    [InlineData("Петренко Олег, +380501112233, Киев, новая почта 100")]
    [InlineData("відділення 120")]
    [InlineData("№ 120")]
    [InlineData("120 отделение")]
    [InlineData("поштомат 150")]
    [InlineData("150 ₴")]
    [InlineData("знижка 100%")]
    [InlineData("1,5 года")]
    [InlineData("Добрий день")]
    [InlineData("")]
    public void ExtractHeightCm_AgePricePhoneOrOtherNumber_ReturnsNull(string text) => Extract(text, expecting: true).Should().BeNull();

    [Theory]
    [InlineData("128")]
    [InlineData("хочу 120")]
    [InlineData("1,20")]
    [InlineData("Костюм Ритм 2 штуки")]
    public void ExtractHeightCm_BareNumberNotExpecting_ReturnsNull(string text) => Extract(text, expecting: false).Should().BeNull();
}
