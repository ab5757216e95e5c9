using Mirt.Rules.Domain;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("Добрий день! Шукаю сукню для доньки на випускний у садочку")]
    [InlineData("Здравствуйте, есть костюмы для мальчика?")]
    [InlineData("Скільки коштує?")]
    [InlineData("Є таке у вас?")]
    [InlineData("беру")]
    [InlineData("Так, оформлюємо")]
    [InlineData("Хочу купити тренч")]
    [InlineData("Ціна?")]
    [InlineData("Почем платье?")]
    [InlineData("Сколько стоит костюм?")]
    [InlineData("Є в наявності?")]
    [InlineData("Тренч екошкіра є?")]
    [InlineData("Що порадите на свято?")]
    [InlineData("Пальто є?")]
    [InlineData("Для внучки щось шукаю")]
    [InlineData("Є знижки?")]
    [InlineData("Костюмчик для дівчинки")]
    [InlineData("Сукенка на 1 вересня")]
    [InlineData("ПЛАТТЯ Є?")]
    [InlineData("Окремо штани можна купити?")]
    public void Detect_ProductQuestion_IsDiscovery(string text)
    {
        ShouldBe(text, Intent.DiscoveryOrQuestion);
    }

    [Theory]
    [InlineData("Привіт")]
    [InlineData("Дякую")]
    [InlineData("Рожевий")]
    [InlineData("Фото можна?")]
    [InlineData("Зріст 120")]
    [InlineData("Оплатила")]
    [InlineData("Нова пошта")]
    [InlineData("ок")]
    [InlineData("Сукня з браком")]
    [InlineData("Платіж пройшов")]
    [InlineData("Сукупно скільки?")]
    [InlineData("Так")]
    [InlineData("Сукня", true)]
    [InlineData("Чекаю")]
    [InlineData("Ціна доставки?")]
    [InlineData("Сукня як у Путіна?")]
    public void Detect_NoProductQuestion_IsNotDiscovery(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.DiscoveryOrQuestion, hasImage);
    }
}
