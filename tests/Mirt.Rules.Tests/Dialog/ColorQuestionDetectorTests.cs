using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class ColorQuestionDetectorTests
{
    private static bool IsColorQuestion(string text) => ColorQuestionDetector.Default.IsColorQuestion(TokenizedText.From(text));

    [Theory]
    [InlineData("А які є кольори?")]
    [InlineData("Какие цвета есть?")]
    [InlineData("В якому кольорі є?")]
    [InlineData("Є в рожевому кольорі?")]
    [InlineData("А в чорному кольорі є")]
    [InlineData("Який колір ще є")]
    [InlineData("какого цвета костюм")]
    [InlineData("Інші кольори є?")]
    [InlineData("Кольори?")]
    [InlineData("А другой цвет бывает")]
    [InlineData("Есть в другом цвете?")]
    [InlineData("Покажіть палітру")]
    public void IsColorQuestion_AskingWhichColours_ReturnsTrue(string text)
    {
        IsColorQuestion(text).Should().BeTrue();
    }

    [Theory]
    [InlineData("Рожевий гарний, давайте рожевий")]
    [InlineData("Рожевий колір, будь ласка")]
    [InlineData("Колір чудовий!")]
    [InlineData("Хочу белый")]
    [InlineData("Беру чорний")]
    [InlineData("Якщо колір не підійде, можна обміняти")]
    [InlineData("Червоний")]
    [InlineData("Скільки коштує?")]
    [InlineData("Зріст 120")]
    [InlineData("Є в наявності?")]
    [InlineData("")]
    public void IsColorQuestion_NamingOrOther_ReturnsFalse(string text)
    {
        IsColorQuestion(text).Should().BeFalse();
    }
}
