namespace Mirt.Prompts.Tests.Fixtures;

public sealed record OfferModel(
    string ProductName,
    decimal PriceUah,
    CustomerModel Customer,
    IReadOnlyList<OfferLine> Products,
    string[] Tags,
    bool IsVip,
    OrderStatus Status)
{
    public static OfferModel Sample { get; } = new(
        "Сукня Мирт",
        2050m,
        new CustomerModel("Олена Коваль", "+380501112233"),
        [new OfferLine("Сукня", 1500m, 1), new OfferLine("Пояс", 550m, 2)],
        ["льон", "літо"],
        IsVip: true,
        OrderStatus.Paid);
}
