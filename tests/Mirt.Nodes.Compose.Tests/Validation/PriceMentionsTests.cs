using Mirt.Nodes.Compose.Validation;

namespace Mirt.Nodes.Compose.Tests.Validation;

public sealed class PriceMentionsTests
{
    [Theory]
    [InlineData("Сукня — 2 050 грн.", new[] { 2050.0 })]
    [InlineData("Ціна 2050грн", new[] { 2050.0 })]
    [InlineData("Всього 2050 ₴", new[] { 2050.0 })]
    [InlineData("Всього 2 050 UAH", new[] { 2050.0 })]
    [InlineData("Комісія 57.50 грн", new[] { 57.5 })]
    [InlineData("Разом 1850 гривень, передплата 200 ГРН", new[] { 1850.0, 200.0 })]
    [InlineData("від 1 590–2 390 грн", new[] { 1590.0, 2390.0 })]
    [InlineData("розмір 110-116 — 2 050 грн", new[] { 2050.0 })]
    [InlineData("Розмір 122-128, зріст 125 см", new double[0])]
    [InlineData("Телефон 067 123 45 67, відділення 25", new double[0])]
    [InlineData("грн без суми", new double[0])]
    public void Find_AmountsBeforeACurrency_AreRead(string text, double[] amounts) =>
        PriceMentions.Find(text).Select(p => (double)p.Amount).Should().Equal(amounts);
}
