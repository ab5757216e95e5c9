using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class AddToCartDetectorTests
{
    private static bool IsAddToCart(string text) => AddToCartDetector.Default.IsAddToCart(TokenizedText.From(text));

    [Theory]
    [InlineData("Ще одну, будь ласка")]
    [InlineData("І ще рожеву")]
    [InlineData("Додайте тренч")]
    [InlineData("Добавьте еще костюм")]
    [InlineData("Ще й штани")]
    [InlineData("Теж візьму")]
    [InlineData("Тоже возьму, в сером")]
    [InlineData("Еще одно платье")]
    [InlineData("Ще 2 сукні")]
    [InlineData("Хочу ще бордовий")]
    [InlineData("И еще одну в чёрном")]
    [InlineData("Можна додати ще один костюм?")]
    public void IsAddToCart_AnotherItem_ReturnsTrue(string text)
    {
        IsAddToCart(text).Should().BeTrue();
    }

    [Theory]
    [InlineData("Ще питання")]
    [InlineData("І ще питання: яка тканина?")]
    [InlineData("Я ще подумаю")]
    [InlineData("Ще подумаю")]
    [InlineData("Дякую, без проблем, я ще подумаю")]
    [InlineData("Также")]
    [InlineData("Також")]
    [InlineData("Скиньте ще раз реквізити")]
    [InlineData("Ще одне питання")]
    [InlineData("Еще вопрос")]
    [InlineData("Ще не вирішила")]
    [InlineData("І ще, підкажіть, скільки йде доставка")]
    [InlineData("Є ще рожевий?")]
    [InlineData("Щеня")]
    [InlineData("")]
    public void IsAddToCart_QuestionOrThinking_ReturnsFalse(string text)
    {
        IsAddToCart(text).Should().BeFalse();
    }
}
