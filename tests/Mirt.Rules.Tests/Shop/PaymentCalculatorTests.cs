using Mirt.Rules.Shop;

namespace Mirt.Rules.Tests.Shop;

public class PaymentCalculatorTests
{
    private static readonly ShopProfile Shop = ShopProfileLoader.LoadDefault();

    [Fact]
    public void Quote_PartialFor2050_Is200NowAnd1850OnDeliveryWithFee57() =>
        PaymentCalculator.Quote(Shop, 2050m, PaymentOption.PrepaymentAndCashOnDelivery)
            .Should().Be(new PaymentQuote(200m, 1850m, 57m, 2050m));

    [Theory]
    [InlineData(2175, 1975, 60)]
    [InlineData(1590, 1390, 48)]
    [InlineData(2225, 2025, 61)]
    [InlineData(2250, 2050, 61)]
    [InlineData(2275, 2075, 62)]
    [InlineData(4100, 3900, 98)]
    public void Quote_Partial_FeeIsTwoPercentPlus20RoundedAwayFromZero(int total, int onDelivery, int fee) =>
        PaymentCalculator.Quote(Shop, total, PaymentOption.PrepaymentAndCashOnDelivery)
            .Should().Be(new PaymentQuote(200m, onDelivery, fee, total));

    [Fact]
    public void Quote_Full_IsWholeTotalNowWithoutFee() =>
        PaymentCalculator.Quote(Shop, 2050m, PaymentOption.FullPrepayment).Should().Be(new PaymentQuote(2050m, 0m, 0m, 2050m));

    [Fact]
    public void Quote_PartialBelowPrepayment_IsWholeTotalNowWithoutFee() =>
        PaymentCalculator.Quote(Shop, 150m, PaymentOption.PrepaymentAndCashOnDelivery).Should().Be(new PaymentQuote(150m, 0m, 0m, 150m));

    [Fact]
    public void CustomerPaysUah_Partial_AddsCarrierFee() =>
        PaymentCalculator.Quote(Shop, 2050m, PaymentOption.PrepaymentAndCashOnDelivery).CustomerPaysUah.Should().Be(2107m);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Quote_NonPositiveTotal_Throws(int total)
    {
        var act = () => PaymentCalculator.Quote(Shop, total, PaymentOption.FullPrepayment);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Quote_UndefinedOption_Throws()
    {
        var act = () => PaymentCalculator.Quote(Shop, 2050m, (PaymentOption)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*payment option*");
    }
}
