using Mirt.Rules.Domain;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("Отримала замовлення, а там брак, шов розійшовся. Хочу повернути гроші")]
    [InlineData("Сукня з браком")]
    [InlineData("Це обман!")]
    [InlineData("Вы нас обманули")]
    [InlineData("Хочу повернення коштів")]
    [InlineData("Верните деньги")]
    [InlineData("Как оформить возврат?")]
    [InlineData("У мене проблема з замовленням")]
    [InlineData("у меня ПРОБЛЕМА с заказом")]
    [InlineData("шов разошелся через день")]
    [InlineData("Прийшла сукня з плямою")]
    [InlineData("Полиняла після першого прання")]
    [InlineData("Хочу написати скаргу")]
    [InlineData("У меня претензия к качеству")]
    [InlineData("Мені прислали не той розмір")]
    [InlineData("Посилка не прийшла, де вона?")]
    [InlineData("ОБМАН!!! ШАХРАЇ")]
    [InlineData("Костюм бракованый")]
    [InlineData("Жахлива якість")]
    [InlineData("Блискавка зламалась")]
    [InlineData("Дякую, але є проблема: сукня мала")]
    [InlineData("Хочу обміняти на інший розмір")]
    [InlineData("Привіт, тут дірка на рукаві", true)]
    public void Detect_ComplaintWords_IsComplaint(string text, bool hasImage = false)
    {
        ShouldBe(text, Intent.Complaint, hasImage);
    }

    [Theory]
    [InlineData("Дякую, без проблем, я ще подумаю")]
    [InlineData("Без проблем, оформлюємо")]
    [InlineData("Нет проблем, жду")]
    [InlineData("Не проблема, почекаю")]
    [InlineData("Никаких проблем, спасибо")]
    [InlineData("Шукаю сукню для доньки")]
    [InlineData("Повернусь до вас пізніше")]
    [InlineData("Я ещё вернусь")]
    [InlineData("Бракує тільки кольору")]
    [InlineData("Поверх сукні можна тренч?")]
    [InlineData("Обмеження по розміру є?")]
    [InlineData("В пятницу заберу на почте")]
    [InlineData("Сукня без дефектів?")]
    [InlineData("Гроші переказала")]
    [InlineData("Все добре, дякую")]
    [InlineData("Прислали фото?")]
    [InlineData("Оплатила", true)]
    public void Detect_NoComplaint_IsNotComplaint(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.Complaint, hasImage);
    }
}
