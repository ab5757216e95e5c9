using Mirt.Prompts.Tests.Fixtures;

namespace Mirt.Prompts.Tests;

/// <summary>The built-in helpers as templates use them: money, join, eq, any.</summary>
public sealed partial class PromptLibraryTests
{
    [Fact]
    public void Render_MoneyHelper_FormatsWholeAndFractionalAmounts()
    {
        _prompts.Write("offer/made.hbs", "{{money priceUah}} грн{{#each products}}; {{money priceUah}}{{/each}}");
        var model = OfferModel.Sample with { Products = [new OfferLine("Пояс", 57.5m, 1), new OfferLine("Шарф", 1234567.891m, 1)] };

        var text = Load(Offer).Render("offer/made", model);

        text.Should().Be("2 050 грн; 57.50; 1 234 567.89");
    }

    [Fact]
    public void Render_JoinHelper_JoinsStringsWithSeparator()
    {
        _prompts.Write("offer/made.hbs", "Теги: {{join tags \", \"}}. {{join tags \" / \"}}");

        Load(Offer).Render("offer/made", OfferModel.Sample).Should().Be("Теги: льон, літо. льон / літо");
    }

    [Theory]
    [InlineData(OrderStatus.Paid, true, "оплачено; vip")]
    [InlineData(OrderStatus.New, false, "чекаємо оплату; звичайний")]
    public void Render_EqHelper_ComparesAsStrings(OrderStatus status, bool isVip, string expected)
    {
        _prompts.Write("offer/made.hbs", "{{#eq status \"Paid\"}}оплачено{{else}}чекаємо оплату{{/eq}}; {{#eq isVip true}}vip{{else}}звичайний{{/eq}}");
        var model = OfferModel.Sample with { Status = status, IsVip = isVip };

        Load(Offer).Render("offer/made", model).Should().Be(expected);
    }

    [Fact]
    public void Render_EqHelperOnNumbers_MatchesNumberLiteral()
    {
        _prompts.Write("offer/made.hbs", "{{#each products}}{{#eq quantity 2}}{{name}}{{/eq}}{{/each}}");

        Load(Offer).Render("offer/made", OfferModel.Sample).Should().Be("Пояс");
    }

    [Fact]
    public void Render_AnyHelper_ChoosesBranchByListContent()
    {
        _prompts.Write("offer/made.hbs", "{{#any products}}є товари{{else}}порожньо{{/any}}");
        var library = Load(Offer);

        library.Render("offer/made", OfferModel.Sample).Should().Be("є товари");
        library.Render("offer/made", OfferModel.Sample with { Products = [] }).Should().Be("порожньо");
    }
}
