using Mirt.Rules.Customer;

namespace Mirt.Rules.Tests.Customer;

public partial class CustomerDataExtractorTests
{
    private static CustomerDataPatch Extract(string text) => CustomerDataExtractor.Default.Extract(text);

    [Fact]
    public void Extract_NameAndPhone_ReturnsBoth() =>
        Extract("Коваленко Марія Іванівна, 067 123 45 67")
            .Should().Be(new CustomerDataPatch("Коваленко Марія Іванівна", "+380671234567", null, null));

    [Fact]
    public void Extract_AllFourInRussian_ReturnsAllNormalised() =>
        Extract("Петренко Олег, +380501112233, Киев, новая почта 100")
            .Should().Be(new CustomerDataPatch("Петренко Олег", "+380501112233", "Київ", "100"));

    [Fact]
    public void Extract_CityAndBranch_ReturnsNoName() =>
        Extract("Львів, відділення нової пошти 25").Should().Be(new CustomerDataPatch(null, null, "Львів", "25"));

    [Fact]
    public void Extract_MultiLineForm_ReturnsAllFour() =>
        Extract("ПІБ: Шевченко-Коваль Дар'я Олегівна\nтел. 093 111 22 33\nм. Харків\nНП №52")
            .Should().Be(new CustomerDataPatch("Шевченко-Коваль Дар'я Олегівна", "+380931112233", "Харків", "52"));

    [Theory]
    [InlineData("Добрий день! Шукаю сукню для доньки на випускний у садочку")]
    [InlineData("Зріст 118 см, їй 6 років")]
    [InlineData("Передплата 200 грн")]
    [InlineData("Так, оформлюємо")]
    [InlineData("")]
    public void Extract_MessageWithoutDeliveryData_IsEmpty(string text) => Extract(text).IsEmpty.Should().BeTrue();

    [Fact]
    public void IsEmpty_AnyField_IsFalse() => new CustomerDataPatch(null, null, null, "5").IsEmpty.Should().BeFalse();

    [Theory]
    [InlineData("+380671234567", "+380*******67")]
    [InlineData("067 123 45 67", "+380*******67")]
    [InlineData("12345", "***45")]
    [InlineData("", "")]
    public void MaskPhone_Phone_KeepsLastTwoDigits(string phone, string expected) =>
        CustomerDataExtractor.MaskPhone(phone).Should().Be(expected);

    [Theory]
    [InlineData("Коваленко Марія Іванівна", "К******** М**** І*******")]
    [InlineData("Петренко Олег", "П******* О***")]
    [InlineData("Дар'я", "Д**'*")]
    [InlineData("", "")]
    public void MaskName_Name_KeepsFirstLetterOfEachWord(string name, string expected) =>
        CustomerDataExtractor.MaskName(name).Should().Be(expected);
}
