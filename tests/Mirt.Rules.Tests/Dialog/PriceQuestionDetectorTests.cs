using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class PriceQuestionDetectorTests
{
    private static bool IsPriceQuestion(string text) => PriceQuestionDetector.Default.IsPriceQuestion(TokenizedText.From(text));

    [Theory]
    [InlineData("Скільки коштує?")]
    [InlineData("скільки коштують костюми")]
    [InlineData("Ціна?")]
    [InlineData("Яка ціна на тренч?")]
    [InlineData("Сколько стоит?")]
    [InlineData("Почем платье?")]
    [InlineData("Почём")]
    [InlineData("Вартість?")]
    [InlineData("Цена какая?")]
    [InlineData("Скільки буде з доставкою?")]
    [InlineData("ПРАЙС скиньте")]
    [InlineData("По чому сукня?")]
    public void IsPriceQuestion_PriceQuestion_ReturnsTrue(string text)
    {
        IsPriceQuestion(text).Should().BeTrue();
    }

    [Theory]
    [InlineData("Скільки буде йти доставка?")]
    [InlineData("Сколько будет идти посылка?")]
    [InlineData("Хочу повернути кошти")]
    [InlineData("Цінний досвід")]
    [InlineData("Скільки років?")]
    [InlineData("Зріст 120")]
    [InlineData("Дякую")]
    [InlineData("Рожевий")]
    [InlineData("Оплатила")]
    [InlineData("Костюм")]
    [InlineData("")]
    public void IsPriceQuestion_OtherMessage_ReturnsFalse(string text)
    {
        IsPriceQuestion(text).Should().BeFalse();
    }
}
