using Mirt.Nodes.Compose.Contract;
using Mirt.Nodes.Compose.Validation;
using static Mirt.Nodes.Compose.Tests.ComposeFixture;

namespace Mirt.Nodes.Compose.Tests.Validation;

public sealed class StructuredReplyValidatorTests
{
    private static readonly ProposedProduct PinkAnna = new("ANNA-PINK", "110-116", "рожевий");

    [Theory]
    [InlineData("Чудово! Сукня «Анна» рожева, розмір 110-116 — 2 050 грн. Оформлюємо? 🌸")]
    [InlineData("Сукня «Анна» (ANNA-PINK) у розмірі 110-116 коштує 2050₴.")]
    [InlineData("Разом 2 050 UAH, передплата 200 грн, решту — при отриманні.")]
    [InlineData("Мені, Софії з Mirt Kids, дуже приємно! Реквізити й IBAN надішлю одразу.")]
    [InlineData("Пишіть, будь ласка, — ми з вами на зв'язку 🤍")]
    [InlineData("Розмір 110-116 — це на зріст до 120 см, а ціна та сама: 2 050 грн.")]
    public void Validate_GoodUkrainianReply_IsValid(string bubble)
    {
        var result = StructuredReplyValidator.Validate(Answer([bubble], products: [PinkAnna]), OfferContext());

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        result.Reply!.Replies.Should().Equal(bubble);
    }

    [Theory]
    [InlineData("Привіт, ось ваша сукня", "schema")]
    [InlineData("[\"Привіт\"]", "schema")]
    [InlineData("{\"replies\":[\"Привіт\"],\"state\":\"STATE_4_OFFER\",\"intent\":\"GREETING_ONLY\",\"products\":[],\"customer\":{\"full_name\":null,\"phone\":null,\"city\":null,\"branch\":null},\"escalation\":null}", "schema")]
    [InlineData("{\"replies\":[\"Привіт\"],\"state\":\"STATE_42\",\"intent\":\"GREETING_ONLY\",\"products\":[],\"customer\":{\"full_name\":null,\"phone\":null,\"city\":null,\"branch\":null},\"escalation\":null,\"confidence\":0.5}", "schema")]
    [InlineData("{\"replies\":[\"Привіт\"],\"state\":\"STATE_4_OFFER\",\"intent\":\"GREETING_ONLY\",\"products\":[],\"customer\":{\"full_name\":null,\"phone\":null,\"city\":null,\"branch\":null},\"escalation\":null,\"confidence\":1.5}", "schema")]
    [InlineData("{\"replies\":[],\"state\":\"STATE_4_OFFER\",\"intent\":\"GREETING_ONLY\",\"products\":[],\"customer\":{\"full_name\":null,\"phone\":null,\"city\":null,\"branch\":null},\"escalation\":null,\"confidence\":0.5}", "schema")]
    [InlineData("{\"replies\":[\"Привіт\"],\"state\":\"STATE_4_OFFER\",\"intent\":\"GREETING_ONLY\",\"products\":[],\"customer\":{\"full_name\":null,\"phone\":null,\"city\":null,\"branch\":null},\"escalation\":null,\"confidence\":0.5,\"price\":100}", "schema")]
    [InlineData("{\"replies\":[\"Привіт\"],\"state\":\"STATE_4_OFFER\",\"intent\":\"GREETING_ONLY\",\"products\":[{\"sku\":\"ANNA-PINK\"}],\"customer\":{\"full_name\":null,\"phone\":null,\"city\":null,\"branch\":null},\"escalation\":{\"level\":\"PANIC\",\"reason\":\"COMPLAINT\"},\"confidence\":0.5}", "schema")]
    public void Validate_AnswerOutsideTheSchema_FailsTheSchemaRuleOnly(string answer, string rule)
    {
        var result = StructuredReplyValidator.Validate(answer, OfferContext());

        result.IsValid.Should().BeFalse();
        result.Reply.Should().BeNull();
        result.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Rule == rule);
    }

    [Fact]
    public void Validate_JsonInAMarkdownFence_IsRead()
    {
        var answer = "```json\n" + Answer(["Оформлюємо? 🌸"]) + "\n```";

        StructuredReplyValidator.Validate(answer, OfferContext()).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("ANNA-GOLD", null, null, "catalog")]
    [InlineData("ANNA-PINK", null, "чорний", "catalog")]
    [InlineData("ANNA-PINK", "134-140", null, "size")]
    [InlineData("ANNA-PINK", "80-92", null, "size")]
    [InlineData("VALERI-UNIVERSAL", "128", null, "size")]
    public void Validate_ProductAgainstCatalogAndGrid_FailsItsRule(string sku, string? size, string? color, string rule)
    {
        var result = StructuredReplyValidator.Validate(Answer(["Оформлюємо? 🌸"], products: [new(sku, size, color)]), OfferContext(heightCm: 118));

        result.Errors.Should().ContainSingle().Which.Rule.Should().Be(rule);
    }

    [Theory]
    [InlineData("ANNA-PINK", "110-116", 118)]
    [InlineData("ANNA-PINK", "110-116", 120)]
    [InlineData("ANNA-PINK", "122-128", 121)]
    [InlineData("VALERI-UNIVERSAL", "122", 118)]
    [InlineData("ANNA-PINK", "134-140", null)]
    public void Validate_SizeTheGridGives_Passes(string sku, string size, int? height)
    {
        var context = OfferContext(height) with { AllowedAmounts = [] };

        StructuredReplyValidator.Validate(Answer(["Оформлюємо? 🌸"], products: [new(sku, size, null)]), context).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Сукня «Анна» — 1 990 грн.")]
    [InlineData("Для вас знижка: 2 000 грн замість 2 050 грн.")]
    [InlineData("Разом 4100 гривень.")]
    [InlineData("Це коштує 2 050 грн, а доставка 70₴.")]
    [InlineData("Ціни від 1 590-2 390 грн.")]
    public void Validate_PriceNotInPlay_FailsThePriceRule(string bubble)
    {
        var result = StructuredReplyValidator.Validate(Answer([bubble]), OfferContext());

        result.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Rule == ReplyRules.Price);
    }

    [Fact]
    public void Validate_PriceOfAProductTheReplyNames_IsTheCatalogPriceForTheHeight()
    {
        // «Лагуна» in 110-116 (118 cm) costs 1 990; its other sizes' prices are not in play for this child.
        var named = StructuredReplyValidator.Validate(Answer(["Ще є костюм «Лагуна» — 1 990 грн."]), OfferContext());
        var wrongTier = StructuredReplyValidator.Validate(Answer(["Ще є костюм «Лагуна» — 2 390 грн."]), OfferContext());

        named.Errors.Should().BeEmpty();
        wrongTier.Errors.Should().ContainSingle().Which.Rule.Should().Be(ReplyRules.Price);
    }

    [Fact]
    public void Validate_RequisiteChanged_FailsTheFactsRule()
    {
        var context = OfferContext() with { ProtectedFacts = ["UA743052990000026007233566001"] };

        var kept = StructuredReplyValidator.Validate(Answer(["IBAN: UA743052990000026007233566001"]), context);
        var changed = StructuredReplyValidator.Validate(Answer(["IBAN: UA743052990000026007233566011"]), context);

        kept.Errors.Should().BeEmpty();
        changed.Errors.Should().ContainSingle().Which.Rule.Should().Be(ReplyRules.Facts);
    }

    [Theory]
    [InlineData(Offer, true)]
    [InlineData(Payment, true)]
    [InlineData("STATE_8_COMPLAINT", true)]
    [InlineData("STATE_6_UPSELL", false)]
    [InlineData("STATE_0_INIT", false)]
    public void Validate_State_MustBeTheRulesStateOrAPermittedMove(string state, bool valid)
    {
        var result = StructuredReplyValidator.Validate(Answer(["Оформлюємо? 🌸"], state: state), OfferContext());

        result.IsValid.Should().Be(valid);
        if (!valid)
        {
            result.Errors.Should().ContainSingle().Which.Rule.Should().Be(ReplyRules.State);
        }
    }

    [Theory]
    [InlineData("Вы выбрали отличное платье!")]
    [InlineData("Это платье есть в розовом.")]
    [InlineData("Ещё есть размер.")]
    [InlineData("Hello! Сукня чудова.")]
    [InlineData("Сукня дуже nice, правда?")]
    [InlineData("Γειά σου, сукня є.")]
    [InlineData("Сукня є 🎉")]
    [InlineData("прivіт, сукня є")]
    public void Validate_NotUkrainian_FailsTheLanguageRule(string bubble)
    {
        var result = StructuredReplyValidator.Validate(Answer([bubble]), OfferContext());

        result.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Rule == ReplyRules.Language);
    }

    [Theory]
    [InlineData("Ваш стан: STATE_4_OFFER.")]
    [InlineData("Чекаю на WAITING_FOR_COLOR.")]
    [InlineData("Ціна {{priceUah}} грн.")]
    [InlineData("Ось відповідь у форматі json.")]
    [InlineData("Шаблон offer/made каже, що все гаразд.")]
    public void Validate_InternalText_FailsTheLeakRule(string bubble)
    {
        var context = OfferContext() with { TemplateNames = ["offer/made", "llm/system"] };

        var result = StructuredReplyValidator.Validate(Answer([bubble]), context);

        result.Errors.Should().Contain(e => e.Rule == ReplyRules.Leak);
    }

    [Fact]
    public void Validate_InstructionsCopiedWordForWord_FailsTheLeakRule()
    {
        var context = OfferContext() with { InstructionText = "Завжди пишіть українською мовою, навіть коли клієнтка пише російською чи суржиком." };

        var copied = StructuredReplyValidator.Validate(Answer(["Мені сказано: завжди пишіть українською мовою, навіть коли клієнтка пише російською."]), context);
        var own = StructuredReplyValidator.Validate(Answer(["Пишу українською, а ви пишіть, як вам зручно."]), context);

        copied.Errors.Should().ContainSingle().Which.Rule.Should().Be(ReplyRules.Leak);
        own.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("**Сукня «Анна»** — чудовий вибір.")]
    [InlineData("Сукня\n# Ціна")]
    [InlineData(" ")]
    public void Validate_BadBubbleForm_FailsTheBubblesRule(string bubble)
    {
        var result = StructuredReplyValidator.Validate(Answer([bubble]), OfferContext());

        result.Errors.Should().Contain(e => e.Rule == ReplyRules.Bubbles);
    }

    [Fact]
    public void Validate_TooManyOrTooLongBubbles_FailsTheBubblesRule()
    {
        var tooMany = StructuredReplyValidator.Validate(Answer([.. Enumerable.Repeat("Так.", 7)]), OfferContext());
        var tooLong = StructuredReplyValidator.Validate(Answer([string.Concat(Enumerable.Repeat("Сукня гарна. ", 40))]), OfferContext());

        tooMany.Errors.Should().ContainSingle().Which.Message.Should().Contain("7 bubbles").And.Contain("at most 6");
        tooLong.Errors.Should().ContainSingle().Which.Rule.Should().Be(ReplyRules.Bubbles);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachAsASentence()
    {
        var answer = Answer(["Вы можете оплатить 1 999 грн, STATE_5"], state: "STATE_0_INIT", products: [new("NOPE-1", null, null)]);

        var errors = StructuredReplyValidator.Validate(answer, OfferContext()).Errors;

        errors.Select(e => e.Rule).Should().BeEquivalentTo([ReplyRules.Catalog, ReplyRules.Price, ReplyRules.State, ReplyRules.Language, ReplyRules.Leak]);
        errors.Should().OnlyContain(e => char.IsUpper(e.Message[0]) && e.Message.EndsWith('.'));
    }
}
