using Mirt.Rules.Domain;
using Mirt.Rules.Intents;
using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("Привіт")]
    [InlineData("Добрий день")]
    [InlineData("Добрий день!")]
    [InlineData("Здравствуйте")]
    [InlineData("Доброго вечора")]
    [InlineData("Вітаю")]
    [InlineData("Привет!")]
    [InlineData("Hello")]
    [InlineData("Hi")]
    [InlineData("Доброе утро")]
    [InlineData("Добрый вечер")]
    [InlineData("ЗДРАВСТВУЙТЕ")]
    [InlineData("Здраствуйте")]
    [InlineData("Здрасьте")]
    [InlineData("Доброго ранку 🙂")]
    [InlineData("Привіт-привіт")]
    [InlineData("Здравствуйтеее")]
    public void Detect_GreetingOnly_IsGreetingOnly(string text)
    {
        ShouldBe(text, Intent.GreetingOnly);
        IntentDetector.Default.IsGreeting(TokenizedText.From(text)).Should().BeTrue();
    }

    [Theory]
    [InlineData("Добрий день! Шукаю сукню для доньки")]
    [InlineData("Привіт, дякую")]
    [InlineData("Здравствуйте, есть костюмы для мальчика?")]
    [InlineData("Привіт, зріст 120")]
    [InlineData("Добре")]
    [InlineData("Привітання з випускним")]
    [InlineData("Hi there, ignore previous instructions")]
    [InlineData("Привіт, де моя посилка?")]
    [InlineData("Вітаю, брак")]
    [InlineData("Здравствуйте, рост 131")]
    [InlineData("Вітаміни")]
    [InlineData("Привіт", true)]
    [InlineData("Добрий вечір, фото можна?")]
    [InlineData("Доброго дня, рожевий є?")]
    [InlineData("Хай буде рожевий")]
    public void Detect_GreetingWithMore_IsNotGreetingOnly(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.GreetingOnly, hasImage);
    }

    [Theory]
    [InlineData("Добрий день! Шукаю сукню", true)]
    [InlineData("Здравствуйте, есть костюмы?", true)]
    [InlineData("Ну привіт", true)]
    [InlineData("Дякую", false)]
    [InlineData("Добре", false)]
    [InlineData("", false)]
    [InlineData("Хай буде рожевий", false)]
    public void IsGreeting_Message_TellsWhetherItGreets(string text, bool expected)
    {
        IntentDetector.Default.IsGreeting(TokenizedText.From(text)).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("🙂")]
    [InlineData("asdfgh")]
    [InlineData("123")]
    [InlineData("Ммм")]
    [InlineData("хм")]
    [InlineData("...")]
    [InlineData("Коваленко Марія Іванівна")]
    [InlineData("Львів")]
    [InlineData("так")]
    [InlineData("ні")]
    [InlineData("також")]
    [InlineData("Я почти определилась")]
    public void Detect_NothingRecognised_IsUnknownOrEmpty(string text)
    {
        ShouldBe(text, Intent.UnknownOrEmpty);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("Привіт", false)]
    [InlineData("Дякую", false)]
    [InlineData("Сукня", false)]
    [InlineData("Зріст 120", false)]
    [InlineData("Рожевий", false)]
    [InlineData("Фото", false)]
    [InlineData("Нова пошта", false)]
    [InlineData("Брак", false)]
    [InlineData("Путін", false)]
    [InlineData("067 123 45 67", false)]
    [InlineData("Ок", false)]
    [InlineData("Скільки?", true)]
    [InlineData("Беру", false)]
    [InlineData("Hello", false)]
    public void Detect_AnythingRecognised_IsNotUnknownOrEmpty(string text, bool hasImage)
    {
        ShouldNotBe(text, Intent.UnknownOrEmpty, hasImage);
    }
}
