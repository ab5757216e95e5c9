using Mirt.Rules.Domain;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("Є таке у вас?")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Ось таке хочу")]
    [InlineData("Такий костюм є?")]
    [InlineData("Шукаю ось цю сукню")]
    [InlineData("А в рожевому є?")]
    [InlineData("зріст 120, є таке?")]
    [InlineData("Скільки коштує?")]
    [InlineData("Привіт")]
    [InlineData("фото")]
    [InlineData("Дякую, а це є?")]
    [InlineData("???")]
    [InlineData("Схожа сукня є в наявності?")]
    [InlineData("How much?")]
    public void Detect_ImageAttached_IsPhotoIdent(string? text)
    {
        ShouldBe(text, Intent.PhotoIdent, hasImage: true);
    }

    [Theory]
    [InlineData("Є таке у вас?", false)]
    [InlineData("Ось таке хочу", false)]
    [InlineData("Такий костюм є?", false)]
    [InlineData("", false)]
    [InlineData("фото", false)]
    [InlineData("Оплатила", true)]
    [InlineData("Ось брак", true)]
    [InlineData("квитанція", true)]
    [InlineData("чек", true)]
    [InlineData("Скрін оплати", true)]
    [InlineData("Переказала передплату", true)]
    [InlineData("Новая почта, отделение 5", true)]
    [InlineData("Продаєте зброю?", true)]
    [InlineData("Шов порвався, дивіться", true)]
    [InlineData("Реквізити?", true)]
    public void Detect_NoImageOrStrongerRule_IsNotPhotoIdent(string text, bool hasImage)
    {
        ShouldNotBe(text, Intent.PhotoIdent, hasImage);
    }

    [Theory]
    [InlineData("Зріст 118 см, їй 6 років")]
    [InlineData("рост 131")]
    [InlineData("Який розмір на зріст 125?")]
    [InlineData("Какой размер брать?")]
    [InlineData("На 7 років який розмір?")]
    [InlineData("Ріст 140")]
    [InlineData("Зросту 128")]
    [InlineData("120 см")]
    [InlineData("Розмірна сітка є?")]
    [InlineData("Размерная сетка?")]
    [InlineData("Ей 5 лет")]
    [InlineData("Дитині 3 роки")]
    [InlineData("Маломірить?")]
    [InlineData("Маломерит?")]
    [InlineData("Обхват груди 64")]
    [InlineData("Вона виросла з 116")]
    [InlineData("рзмір підкажіть")]
    [InlineData("розмер какой?")]
    [InlineData("Привіт! Зріст 110, сукня є?")]
    public void Detect_HeightOrSize_IsSizeHelp(string text)
    {
        ShouldBe(text, Intent.SizeHelp);
    }

    [Theory]
    [InlineData("Скільки коштує?")]
    [InlineData("Ростислав")]
    [InlineData("Смотрю каталог")]
    [InlineData("Розмірковую ще")]
    [InlineData("Розміщення замовлення")]
    [InlineData("Привіт")]
    [InlineData("Дякую")]
    [InlineData("Рожевий")]
    [InlineData("Тренч є?")]
    [InlineData("Нова пошта 5")]
    [InlineData("Оплатила")]
    [InlineData("Є в наявності?")]
    [InlineData("Зріст 120", true)]
    [InlineData("Розмір не підійшов, хочу повернути")]
    [InlineData("Фото на дитині є?")]
    public void Detect_NoSizeQuestion_IsNotSizeHelp(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.SizeHelp, hasImage);
    }
}
