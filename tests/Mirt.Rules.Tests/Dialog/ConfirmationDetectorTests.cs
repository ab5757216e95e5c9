using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class ConfirmationDetectorTests
{
    private static Confirmation Detect(string text) => ConfirmationDetector.Default.Detect(TokenizedText.From(text));

    [Theory]
    [InlineData("Так, оформлюємо")]
    [InlineData("так")]
    [InlineData("Да")]
    [InlineData("беру")]
    [InlineData("Оформляйте")]
    [InlineData("Давайте")]
    [InlineData("Згодна")]
    [InlineData("Підходить")]
    [InlineData("Хочу")]
    [InlineData("ок")]
    [InlineData("Окей!")]
    [InlineData("Добре")]
    [InlineData("Замовляю")]
    [InlineData("Конечно")]
    [InlineData("Все вірно")]
    [InlineData("Так, але більше нічого не треба")]
    [InlineData("Пiдтверджую")]
    [InlineData("Подходит")]
    public void Detect_Agreement_ReturnsYes(string text)
    {
        Detect(text).Should().Be(Confirmation.Yes);
    }

    [Theory]
    [InlineData("Ні, дякую, поки що все")]
    [InlineData("ні")]
    [InlineData("Нет")]
    [InlineData("Не треба")]
    [InlineData("не потрібно")]
    [InlineData("Не хочу")]
    [InlineData("Поки ні")]
    [InlineData("Пока нет, спасибо")]
    [InlineData("Не підходить")]
    [InlineData("Да нет, спасибо")]
    [InlineData("Нє, не треба")]
    [InlineData("Дякую, поки що все")]
    [InlineData("Ні, так не піде")]
    [InlineData("Не згодна")]
    [InlineData("Передумала")]
    public void Detect_Refusal_ReturnsNo(string text)
    {
        Detect(text).Should().Be(Confirmation.No);
    }

    [Theory]
    [InlineData("також")]
    [InlineData("Також є рожевий?")]
    [InlineData("Нічого")]
    [InlineData("Доброго дня")]
    [InlineData("Доброе утро")]
    [InlineData("Зріст 120")]
    [InlineData("Скільки коштує?")]
    [InlineData("Так як у вас з доставкою?")]
    [InlineData("Нині")]
    [InlineData("Хочу подумати")]
    [InlineData("")]
    [InlineData("Дани")]
    public void Detect_NeitherYesNorNo_ReturnsNone(string text)
    {
        Detect(text).Should().Be(Confirmation.None);
    }

    [Fact]
    public void Detect_NullText_Throws()
    {
        var detect = () => ConfirmationDetector.Default.Detect(null!);

        detect.Should().Throw<ArgumentNullException>();
    }
}
