using Mirt.Rules.Dialog;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Dialog;

public sealed class PaymentProofDetectorTests
{
    private static bool IsProof(string text, bool hasImage = false, bool awaitingProof = true) =>
        PaymentProofDetector.Default.IsProof(TokenizedText.From(text), hasImage, awaitingProof);

    [Theory]
    [InlineData("Оплатила, ось квитанція", true)]
    [InlineData("скрин отправила", true)]
    [InlineData("", true)]
    [InlineData("Ось", true)]
    [InlineData("https://privat24.ua/receipt/123", false)]
    [InlineData("Оплатила", false)]
    [InlineData("оплачено", false)]
    [InlineData("Переказала 200 грн", false)]
    [InlineData("Переказав", false)]
    [InlineData("Перевела", false)]
    [InlineData("Оплатил только что", false)]
    [InlineData("Ось скрін", false)]
    [InlineData("Квитанцию скинула", false)]
    [InlineData("Чек", false)]
    [InlineData("Скинула гроші на картку", false)]
    [InlineData("Оплатилла", false)]
    [InlineData("Скріншот оплати", false)]
    public void IsProof_AwaitingProofWithImageLinkOrStrongWord_ReturnsTrue(string text, bool hasImage)
    {
        IsProof(text, hasImage).Should().BeTrue();
    }

    [Theory]
    [InlineData("Оплачу повністю")]
    [InlineData("Передплата")]
    [InlineData("Передплата 200 грн")]
    [InlineData("Повна оплата")]
    [InlineData("Як оплатити?")]
    [InlineData("Куди оплачувати?")]
    [InlineData("Можна оплатити при отриманні?")]
    [InlineData("Скиньте реквізити")]
    [InlineData("Зараз переведу")]
    [InlineData("Оплачу завтра")]
    [InlineData("Скиньте ще раз номер карти")]
    [InlineData("Коли треба переказати?")]
    [InlineData("Чекаю реквізити")]
    [InlineData("")]
    public void IsProof_AwaitingProofChoiceOrQuestion_ReturnsFalse(string text)
    {
        IsProof(text).Should().BeFalse();
    }

    [Theory]
    [InlineData("Оплатила, ось квитанція", true)]
    [InlineData("скрин отправила", true)]
    [InlineData("https://privat24.ua/receipt/123", false)]
    [InlineData("Оплачено", false)]
    [InlineData("", true)]
    public void IsProof_NotAwaitingProof_ReturnsFalse(string text, bool hasImage)
    {
        IsProof(text, hasImage, awaitingProof: false).Should().BeFalse();
    }

    [Fact]
    public void IsProof_NullText_Throws()
    {
        var check = () => PaymentProofDetector.Default.IsProof(null!, hasImage: true, awaitingProof: true);

        check.Should().Throw<ArgumentNullException>();
    }
}
