using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Applying;
using Mirt.Nodes.Compose.Contract;

namespace Mirt.Nodes.Compose.Tests.Applying;

public sealed class CustomerFieldFilterTests
{
    [Theory]
    [InlineData("Мій номер 067 123 45 67", "067 123 45 67", "+380671234567")]
    [InlineData("+38(067)123-45-67", "+380671234567", "+380671234567")]
    [InlineData("Мій номер 067 123 45 67", "0501234567", null)]
    [InlineData("Мій номер 067 123 45 67", "12345", null)]
    public void Merge_Phone_NormalisedAndInTheMessage(string message, string proposed, string? expected) =>
        CustomerFieldFilter.Merge(new ProposedCustomer(null, proposed, null, null), message, DeliveryData.Empty).Phone.Should().Be(expected);

    [Theory]
    [InlineData("Доставка в Київ", "Київ", "Київ")]
    [InlineData("Доставка в Киев", "Киев", "Київ")]
    [InlineData("Доставка в Киев", "Київ", "Київ")]
    [InlineData("Доставка туди, де ми", "Київ", null)]
    [InlineData("Доставка в Мордор", "Мордор", null)]
    public void Merge_City_KnownCityNamedInTheMessage(string message, string proposed, string? expected) =>
        CustomerFieldFilter.Merge(new ProposedCustomer(null, null, proposed, null), message, DeliveryData.Empty).City.Should().Be(expected);

    [Theory]
    [InlineData("відділення 25", "25", "25")]
    [InlineData("відділення 25", "125", null)]
    [InlineData("відділення 25", "№25", null)]
    [InlineData("поштомат 123456", "123456", null)]
    public void Merge_Branch_DigitsOnlyAndInTheMessage(string message, string proposed, string? expected) =>
        CustomerFieldFilter.Merge(new ProposedCustomer(null, null, null, proposed), message, DeliveryData.Empty).Branch.Should().Be(expected);

    [Theory]
    [InlineData("Коваленко Марія Іванівна, 0671234567", "Коваленко Марія Іванівна", "Коваленко Марія Іванівна")]
    [InlineData("Марія", "Коваленко Марія", null)]
    [InlineData("коваленко марія", "коваленко марія", null)]
    public void Merge_FullName_TwoOrThreeCapitalisedWordsFromTheMessage(string message, string proposed, string? expected) =>
        CustomerFieldFilter.Merge(new ProposedCustomer(proposed, null, null, null), message, DeliveryData.Empty).FullName.Should().Be(expected);

    [Fact]
    public void Merge_FieldTheRulesKnow_IsNeverReplaced()
    {
        var current = new DeliveryData(null, "+380501234567", null, null);

        var merged = CustomerFieldFilter.Merge(new ProposedCustomer(null, "0671234567", null, null), "067 123 45 67", current);

        merged.Should().BeSameAs(current);
    }
}
