using Mirt.Rules.Domain;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("Львів, відділення нової пошти 25")]
    [InlineData("Петренко Олег, +380501112233, Киев, новая почта 100")]
    [InlineData("Передплата 200 грн")]
    [InlineData("полная оплата")]
    [InlineData("Оплатила, ось квитанція", true)]
    [InlineData("скрин отправила", true)]
    [InlineData("Коваленко Марія Іванівна, 067 123 45 67")]
    [InlineData("Скільки коштує доставка?")]
    [InlineData("Коли відправите?")]
    [InlineData("Скиньте реквізити")]
    [InlineData("Можна накладеним платежем?")]
    [InlineData("Наложкой можно?")]
    [InlineData("Доставка Укрпоштою можлива?")]
    [InlineData("Номер ТТН підкажіть")]
    [InlineData("Поштомат 3456")]
    [InlineData("Оплачу на карту")]
    [InlineData("Отделение 12, Днепр")]
    [InlineData("Скільки йде посилка до Харкова?")]
    [InlineData("ОПЛАЧЕНО")]
    [InlineData("Платіж пройшов", true)]
    [InlineData("Добрий день, де моя посилка?")]
    public void Detect_DeliveryOrPayment_IsPaymentDelivery(string text, bool hasImage = false)
    {
        ShouldBe(text, Intent.PaymentDelivery, hasImage);
    }

    [Theory]
    [InlineData("Я почти определилась")]
    [InlineData("Відправте фото, будь ласка")]
    [InlineData("Отправьте фото в розовом")]
    [InlineData("Зріст 118 см, їй 6 років")]
    [InlineData("Платье на выпускной")]
    [InlineData("Достатньо одного костюма")]
    [InlineData("Посилання на фото є?")]
    [InlineData("Картинку покажіть")]
    [InlineData("Рост 131")]
    [InlineData("98 104 110")]
    [InlineData("Зріст 120, розмір 122-128")]
    [InlineData("Чекаю відповіді")]
    [InlineData("Почекайте хвилинку")]
    [InlineData("Є таке?", true)]
    [InlineData("Привіт")]
    [InlineData("Отримала, а там брак")]
    public void Detect_NoDeliveryOrPayment_IsNotPaymentDelivery(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.PaymentDelivery, hasImage);
    }
}
