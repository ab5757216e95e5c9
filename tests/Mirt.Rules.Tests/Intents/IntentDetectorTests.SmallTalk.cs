using Mirt.Rules.Domain;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("Дякую")]
    [InlineData("Дякую, без проблем, я ще подумаю")]
    [InlineData("Ні, дякую, поки що все")]
    [InlineData("Спасибо большое")]
    [InlineData("Спс")]
    [InlineData("До побачення")]
    [InlineData("До свидания!")]
    [InlineData("Я подумаю")]
    [InlineData("Гарного дня")]
    [InlineData("Як справи?")]
    [InlineData("Супер, дякую!")]
    [InlineData("Зрозуміло")]
    [InlineData("Понятно, спасибо")]
    [InlineData("Ок")]
    [InlineData("Окей")]
    [InlineData("Thanks")]
    [InlineData("Дуже дякую за допомогу")]
    [InlineData("Привіт, як справи?")]
    [InlineData("Дякую за фото")]
    public void Detect_ThanksOrSmallTalk_IsThankYouSmallTalk(string text)
    {
        ShouldBe(text, Intent.ThankYouSmallTalk);
    }

    [Theory]
    [InlineData("Дякую, а скільки коштує?")]
    [InlineData("Спасибо, а доставка?")]
    [InlineData("Дякую за фото, а є рожевий?")]
    [InlineData("Привіт")]
    [InlineData("Доброе утро")]
    [InlineData("Окремо штани можна?")]
    [InlineData("Также")]
    [InlineData("Подушка")]
    [InlineData("Дякую, оплатила")]
    [InlineData("Дякую, але є брак")]
    [InlineData("Супер, беру")]
    [InlineData("Ясна річ, зріст 120")]
    [InlineData("Спасибо", true)]
    [InlineData("Дякую, фото покажіть")]
    [InlineData("")]
    public void Detect_NotOnlySmallTalk_IsNotThankYouSmallTalk(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.ThankYouSmallTalk, hasImage);
    }
}
