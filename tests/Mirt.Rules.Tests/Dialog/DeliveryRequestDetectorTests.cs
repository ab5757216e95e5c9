using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class DeliveryRequestDetectorTests
{
    private static bool IsDeliveryRequest(string text) =>
        DeliveryRequestDetector.Default.IsDeliveryRequest(TokenizedText.From(text));

    [Theory]
    [InlineData("Яка доставка?")]
    [InlineData("Скільки коштує доставка?")]
    [InlineData("Коли відправите?")]
    [InlineData("Когда отправите?")]
    [InlineData("Новою поштою можна?")]
    [InlineData("Новая почта есть?")]
    [InlineData("Скільки йде посилка до Києва?")]
    [InlineData("Сколько идет до Одессы?")]
    [InlineData("Укрпоштою відправляєте?")]
    [InlineData("На поштомат можна?")]
    [InlineData("Номер ТТН дасте?")]
    [InlineData("Коли прийде посилка?")]
    [InlineData("Доставкой")]
    [InlineData("За кордон відправляєте?")]
    public void IsDeliveryRequest_DeliveryQuestion_ReturnsTrue(string text)
    {
        IsDeliveryRequest(text).Should().BeTrue();
    }

    [Theory]
    [InlineData("Відправте фото")]
    [InlineData("Скільки коштує?")]
    [InlineData("Достатньо одного")]
    [InlineData("Я почти определилась")]
    [InlineData("Посилання на сукню")]
    [InlineData("Зріст 120")]
    [InlineData("Рожевий")]
    [InlineData("Трохи подумаю")]
    [InlineData("Оплатила")]
    [InlineData("Дякую")]
    [InlineData("")]
    public void IsDeliveryRequest_OtherMessage_ReturnsFalse(string text)
    {
        IsDeliveryRequest(text).Should().BeFalse();
    }
}
