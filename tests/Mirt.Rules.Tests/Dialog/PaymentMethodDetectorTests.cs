using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class PaymentMethodDetectorTests
{
    private static PaymentMethod? Detect(string text) => PaymentMethodDetector.Default.Detect(TokenizedText.From(text));

    [Theory]
    [InlineData("полная оплата")]
    [InlineData("Повна оплата")]
    [InlineData("Оплачу повністю")]
    [InlineData("оплачу полностью")]
    [InlineData("На карту повністю")]
    [InlineData("Вся сума одразу")]
    [InlineData("Всю сумму сразу")]
    [InlineData("Повну оплату на рахунок")]
    [InlineData("Повна передплата")]
    [InlineData("Без наложки, одразу все")]
    [InlineData("ПОВНІСТЮ")]
    [InlineData("Давайте повну")]
    public void Detect_FullPayment_ReturnsFullPrepayment(string text)
    {
        Detect(text).Should().Be(PaymentMethod.FullPrepayment);
    }

    [Theory]
    [InlineData("Передплата 200 грн")]
    [InlineData("предоплата")]
    [InlineData("Накладений платіж")]
    [InlineData("Накладеним платежем")]
    [InlineData("Наложенный платеж")]
    [InlineData("наложкой")]
    [InlineData("Оплачу при отриманні")]
    [InlineData("При получении")]
    [InlineData("Оплата на пошті")]
    [InlineData("Передоплату внесу, решту на пошті")]
    [InlineData("Наложкою, оплачу при отриманні повністю")]
    [InlineData("Готівкою при отриманні")]
    public void Detect_PrepaymentAndCashOnDelivery_ReturnsPartial(string text)
    {
        Detect(text).Should().Be(PaymentMethod.PartialPrepaymentCashOnDelivery);
    }

    [Theory]
    [InlineData("Як оплатити?")]
    [InlineData("Скиньте реквізити")]
    [InlineData("Оплатила")]
    [InlineData("Так")]
    [InlineData("Яка різниця?")]
    [InlineData("Повний комплект?")]
    [InlineData("Львів, відділення 25")]
    [InlineData("Отримала")]
    [InlineData("А як краще?")]
    [InlineData("")]
    [InlineData("Скільки до оплати?")]
    public void Detect_NoMethodNamed_ReturnsNull(string text)
    {
        Detect(text).Should().BeNull();
    }
}
