using Mirt.Rules.Domain;

namespace Mirt.Rules.Tests.Intents;

public sealed partial class IntentDetectorTests
{
    [Theory]
    [InlineData("А які є кольори?")]
    [InlineData("Рожевий гарний, давайте рожевий")]
    [InlineData("а костюм Ритм в коричневом есть?")]
    [InlineData("Какие цвета есть?")]
    [InlineData("В якому кольорі є?")]
    [InlineData("Є в чорному?")]
    [InlineData("Хочу белый")]
    [InlineData("Червоний є?")]
    [InlineData("А голубое платье?")]
    [InlineData("Малиновий")]
    [InlineData("шоколадний")]
    [InlineData("Сірий чи бордовий?")]
    [InlineData("Є молочний?")]
    [InlineData("Капучино")]
    [InlineData("Темно-синій")]
    [InlineData("розовый")]
    [InlineData("ПОМАРАНЧЕВИЙ")]
    [InlineData("Є інший колір?")]
    [InlineData("Жовтий")]
    public void Detect_ColourWords_IsColorHelp(string text)
    {
        ShouldBe(text, Intent.ColorHelp);
    }

    [Theory]
    [InlineData("Для сина костюм")]
    [InlineData("Маленький розмір")]
    [InlineData("Красивое платье")]
    [InlineData("Я з Чернігова")]
    [InlineData("Жовтень підійде?")]
    [InlineData("Біля метро є відділення?")]
    [InlineData("Сукня на випускний")]
    [InlineData("Також")]
    [InlineData("Дякую")]
    [InlineData("Рожевий, зріст 120")]
    [InlineData("Рожевий", true)]
    [InlineData("Бежать не надо")]
    [InlineData("Скільки коштує?")]
    [InlineData("Синхронно")]
    [InlineData("Привіт")]
    public void Detect_NoColour_IsNotColorHelp(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.ColorHelp, hasImage);
    }

    [Theory]
    [InlineData("Можна фото?")]
    [InlineData("Покажіть, будь ласка")]
    [InlineData("Скиньте фото на дитині")]
    [InlineData("Є живі фото?")]
    [InlineData("Покажите как выглядит")]
    [InlineData("Фотку можна?")]
    [InlineData("Є відео?")]
    [InlineData("Видео есть?")]
    [InlineData("А як виглядає на моделі?")]
    [InlineData("Скиньте фотографії")]
    [InlineData("Пришлите фото")]
    [InlineData("Відправте фото")]
    [InlineData("фоточки є?")]
    [InlineData("ФОТО")]
    [InlineData("картинку можна?")]
    [InlineData("А фото ззаду можна?")]
    public void Detect_PhotoRequest_IsRequestPhoto(string text)
    {
        ShouldBe(text, Intent.RequestPhoto);
    }

    [Theory]
    [InlineData("Фотосесія в садочку, шукаю сукню")]
    [InlineData("Шукаю сукню")]
    [InlineData("Оплатила, ось скрін")]
    [InlineData("Покажу дочці")]
    [InlineData("Дякую за фото")]
    [InlineData("Фото", true)]
    [InlineData("Фото рожевої", false)]
    [InlineData("Скиньте реквізити")]
    [InlineData("Гарні фото!")]
    [InlineData("А на фото яка модель?")]
    [InlineData("Привіт")]
    [InlineData("Дякую за відео")]
    [InlineData("Показники?")]
    [InlineData("Відправте сьогодні")]
    [InlineData("Зріст 120, фото є?")]
    public void Detect_NoPhotoRequest_IsNotRequestPhoto(string text, bool hasImage = false)
    {
        ShouldNotBe(text, Intent.RequestPhoto, hasImage);
    }
}
