using Mirt.Rules.Orders;

namespace Mirt.Rules.Tests.Orders;

public class OrderKeyTests
{
    private static readonly OrderLine Dress = new("ANNA-PINK", "Сукня «Анна»", "110-116", "рожевий", 2050m, 1);
    private static readonly OrderLine Suit = new("RYTM-CHOCOLATE", "Костюм «Ритм»", "122-128", "шоколадний", 2175m, 1);

    private static string Key(string conversation, IEnumerable<OrderLine> lines, decimal total) => OrderKey.Compute(conversation, lines, total);

    [Fact]
    public void Compute_SameInputs_GivesSameLowerHexSha256()
    {
        var first = Key("ig-1001", [Dress, Suit], 4225m);
        var second = Key("ig-1001", [Dress with { }, Suit with { }], 4225m);

        first.Should().Be(second).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Compute_LinesInOtherOrder_GivesSameKey() =>
        Key("ig-1001", [Suit, Dress], 4225m).Should().Be(Key("ig-1001", [Dress, Suit], 4225m));

    [Fact]
    public void Compute_AmountWithTrailingZeros_GivesSameKey() =>
        Key("ig-1001", [Dress with { PriceUah = 2050.00m }], 2050.0m).Should().Be(Key("ig-1001", [Dress], 2050m));

    [Theory]
    [InlineData("conversation")]
    [InlineData("sku")]
    [InlineData("name")]
    [InlineData("size")]
    [InlineData("color")]
    [InlineData("price")]
    [InlineData("quantity")]
    [InlineData("total")]
    [InlineData("extra-line")]
    [InlineData("field-boundary")]
    public void Compute_AnyChange_GivesAnotherKey(string change)
    {
        var baseline = Key("ig-1001", [Dress], 2050m);
        var changed = change switch
        {
            "conversation" => Key("ig-1002", [Dress], 2050m),
            "sku" => Key("ig-1001", [Dress with { Sku = "ANNA-RED" }], 2050m),
            "name" => Key("ig-1001", [Dress with { ProductName = "Анна" }], 2050m),
            "size" => Key("ig-1001", [Dress with { Size = "122-128" }], 2050m),
            "color" => Key("ig-1001", [Dress with { Color = "червоний" }], 2050m),
            "price" => Key("ig-1001", [Dress with { PriceUah = 2050.5m }], 2050m),
            "quantity" => Key("ig-1001", [Dress with { Quantity = 2 }], 2050m),
            "total" => Key("ig-1001", [Dress], 2051m),
            "extra-line" => Key("ig-1001", [Dress, Dress], 2050m),
            "field-boundary" => Key("ig-1001", [Dress with { Size = "110-116рожевий", Color = "" }], 2050m),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        changed.Should().NotBe(baseline);
    }

    [Fact]
    public void Compute_NoLines_Throws()
    {
        var act = () => Key("ig-1001", [], 0m);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one line*");
    }

    [Fact]
    public void Compute_EmptyConversation_Throws()
    {
        var act = () => Key(" ", [Dress], 2050m);

        act.Should().Throw<ArgumentException>();
    }
}
