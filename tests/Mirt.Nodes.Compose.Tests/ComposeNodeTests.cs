using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Contract;
using Mirt.Rules.Domain;
using Mirt.Testing.Diagnostics;
using static Mirt.Nodes.Compose.Tests.ComposeFixture;

namespace Mirt.Nodes.Compose.Tests;

public sealed class ComposeNodeTests
{
    private const string Valid = "Сукня «Анна» рожева, 110-116 — 2 050 грн. Оформлюємо? 🌸";

    [Fact]
    public async Task InvokeAsync_NoChatClient_KeepsTheDraftDegradedNoLlm()
    {
        var harness = new ComposeHarness { WithModel = false };

        var after = await harness.RunAsync();

        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.NoLlm);
        after.Get(SalesKeys.Replies).Should().Equal(OfferDraft);
        after.Get(SalesKeys.Templates).Should().Equal("offer/reminder");
    }

    [Fact]
    public async Task InvokeAsync_ValidAnswer_ReplacesTheDraftWithTheModelsBubbles()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenReply(Answer(["Так, ціна та сама 😊", Valid]));

        var after = await harness.RunAsync();

        after.Get(SalesKeys.Replies).Should().Equal("Так, ціна та сама 😊", Valid);
        after.Get(SalesKeys.DegradedReason).Should().BeNull();
        after.Get(SalesKeys.ModelRejections).Should().Be(0);
        after.Get(SalesKeys.Templates).Should().Equal("offer/reminder", "llm/system", "llm/facts", "llm/contract", "llm/state/offer", "llm/turn");
        after.Get(SalesKeys.State).Should().Be(Offer);
        after.Get(SalesKeys.Products).Should().Equal(ComposeHarness.PinkAnna);
    }

    [Fact]
    public async Task InvokeAsync_Call_CarriesTheSchemaAndTheNodeStateAndIntent()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenReply(Answer([Valid]));

        await harness.RunAsync();

        var options = harness.Model.Calls.Should().ContainSingle().Subject.Options!;
        options.ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Which.SchemaName.Should().Be(StructuredReplySchema.Name);
        options.AdditionalProperties!["mirt.node"].Should().Be("compose");
        options.AdditionalProperties["mirt.state"].Should().Be(Offer);
        options.AdditionalProperties["mirt.intent"].Should().Be("DISCOVERY_OR_QUESTION");
        options.Temperature.Should().Be(0.3f);
    }

    [Fact]
    public async Task InvokeAsync_InvalidThenValid_RepairsWithTheErrorsAndUsesTheRepair()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenReply(Answer(["Сукня «Анна» — 1 990 грн."])).ThenReply(Answer([Valid]));

        var after = await harness.RunAsync();

        harness.Model.Calls.Should().HaveCount(2);
        var repair = harness.Model.Calls[1].Messages;
        repair[^2].Role.Should().Be(ChatRole.Assistant);
        repair[^2].Text.Should().Contain("1 990 грн");
        repair[^1].Role.Should().Be(ChatRole.User);
        repair[^1].Text.Should().Contain("cannot be sent").And.Contain("1 990 грн").And.Contain("never invent or round prices");
        after.Get(SalesKeys.Replies).Should().Equal(Valid);
        after.Get(SalesKeys.ModelRejections).Should().Be(1);
        after.Get(SalesKeys.DegradedReason).Should().BeNull();
        after.Get(SalesKeys.Templates).Should().EndWith(["llm/turn", "llm/repair"]);
    }

    [Fact]
    public async Task InvokeAsync_InvalidTwice_KeepsTheDraftDegradedInvalidReply()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenReply("Сукня коштує 2050").ThenReply(Answer(["Вы выбрали платье"]));

        var after = await harness.RunAsync();

        harness.Model.Calls.Should().HaveCount(2);
        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.InvalidReply);
        after.Get(SalesKeys.ModelRejections).Should().Be(2);
        after.Get(SalesKeys.Replies).Should().Equal(OfferDraft);
        after.Get(SalesKeys.Templates).Should().Equal("offer/reminder");
    }

    [Fact]
    public async Task InvokeAsync_NoRepairsAllowed_DegradesAfterTheFirstInvalidAnswer()
    {
        var harness = new ComposeHarness { Options = new LlmReplyOptions { MaxRepairAttempts = 0 } };
        harness.Model.ThenReply("{}").ThenReply(Answer([Valid]));

        var after = await harness.RunAsync();

        harness.Model.Calls.Should().ContainSingle();
        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.InvalidReply);
    }

    [Fact]
    public async Task InvokeAsync_ClientTimesOut_DegradedTimeout()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenThrow(new TimeoutException("deadline"));

        var after = await harness.RunAsync();

        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.Timeout);
        after.Get(SalesKeys.Replies).Should().Equal(OfferDraft);
    }

    [Fact]
    public async Task InvokeAsync_CancelledButNotByTheCaller_DegradedTimeout()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenThrow(new TaskCanceledException("the HTTP client gave up"));

        (await harness.RunAsync()).Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.Timeout);
    }

    [Fact]
    public async Task InvokeAsync_ModelSlowerThanTheDeadline_DegradedTimeoutWithinTheDeadline()
    {
        var harness = new ComposeHarness { Options = new LlmReplyOptions { Deadline = TimeSpan.FromMilliseconds(300) }, Time = TimeProvider.System };
        harness.Model.ThenHang();
        var started = TimeProvider.System.GetTimestamp();

        var after = await harness.RunAsync();

        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.Timeout);
        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(20));
        harness.Model.Calls[0].CancellationToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_Throws()
    {
        var harness = new ComposeHarness();
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        harness.Model.ThenHang(started);

        var run = harness.RunAsync(cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(InvalidOperationException))]
    public async Task InvokeAsync_ClientThrows_DegradedLlmError(Type exception)
    {
        var harness = new ComposeHarness();
        harness.Model.ThenThrow((Exception)Activator.CreateInstance(exception, "boom")!);

        var after = await harness.RunAsync();

        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.LlmError);
        after.Get(SalesKeys.Replies).Should().Equal(OfferDraft);
    }

    [Fact]
    public async Task InvokeAsync_AnEarlierNodeDegradedTheTurn_KeepsItsReasonAndAddsUpRejections()
    {
        var harness = new ComposeHarness().With(SalesKeys.DegradedReason.Set(DegradedReasons.InvalidReply), SalesKeys.ModelRejections.Set(1));
        harness.Model.ThenReply("{}").ThenThrow(new TimeoutException());

        var after = await harness.RunAsync();

        after.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.InvalidReply);
        after.Get(SalesKeys.ModelRejections).Should().Be(2);
    }

    [Fact]
    public async Task InvokeAsync_ModelAsksForAComplaintHandoff_HandsOffLikeTheRules()
    {
        var harness = new ComposeHarness();
        harness.Model.ThenReply(Answer(["Мені дуже прикро. Менеджерка зв'яжеться з вами найближчим часом."], state: "STATE_8_COMPLAINT", escalation: new("HANDOFF", "COMPLAINT")));

        var after = await harness.RunAsync();

        after.Get(SalesKeys.State).Should().Be("STATE_8_COMPLAINT");
        after.Get(SalesKeys.Phase).Should().Be(DialogPhase.Escalated.Value);
        after.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, "COMPLAINT"));
    }

    [Fact]
    public async Task InvokeAsync_RulesRaisedAnEscalation_TheirsWins()
    {
        var harness = new ComposeHarness().With(SalesKeys.Escalation.Set(new Escalation(Escalation.Notify, "ORDER_PLACED")));
        harness.Model.ThenReply(Answer([Valid], escalation: new("HANDOFF", "MODEL_UNSURE")));

        var after = await harness.RunAsync();

        after.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Notify, "ORDER_PLACED"));
        after.Get(SalesKeys.Phase).Should().Be(DialogPhase.OfferMade.Value);
    }

    [Fact]
    public async Task InvokeAsync_ModelProposesProductsWhenTheRulesShowedNone_CatalogLinesWithCatalogPrices()
    {
        var harness = new ComposeHarness().With(SalesKeys.Products.Set([]));
        harness.Model.ThenReply(Answer(["Ще є костюм «Лагуна» у жовтому — 1 990 грн."], products: [new("LAGUNA-YELLOW", null, null)]));

        var after = await harness.RunAsync();

        after.Get(SalesKeys.Products).Should().Equal(new ProductLine("LAGUNA-YELLOW", "Костюм «Лагуна»", "110-116", "жовтий", 1990m));
    }

    [Fact]
    public async Task InvokeAsync_CustomerFieldsInPayment_OnlyConfirmedAndGroundedOnesAreKept()
    {
        var harness = new ComposeHarness().With(
            SalesKeys.State.Set(Payment),
            SalesKeys.Phase.Set(DialogPhase.WaitingForDeliveryData.Value),
            SalesKeys.Message.Set(new CustomerMessage("Марія, тел 067-123-45-67, Одеса", null, null)),
            SalesKeys.Delivery.Set(new DeliveryData(null, null, null, null)));
        harness.Model.ThenReply(Answer(
            ["Дякую! Напишіть, будь ласка, ще прізвище та номер відділення."],
            state: Payment,
            customer: new ProposedCustomer("Марія Коваленко", "0671234567", "Одеса", "12")));

        var after = await harness.RunAsync();

        after.Get(SalesKeys.Delivery).Should().Be(new DeliveryData(null, "+380671234567", "Одеса", null));
    }

    [Fact]
    public async Task InvokeAsync_RejectedAnswers_AreLoggedByRule_TheirTextOnlyAtTrace()
    {
        var logs = new CapturingLogger();
        var harness = new ComposeHarness { Logging = logs };
        harness.Model.ThenReply(Answer(["Вы выбрали платье за 1 990 грн"])).ThenReply("{");

        await harness.RunAsync();

        logs.Named("llm_reply_rejected").Should().HaveCount(2);
        logs.Named("llm_reply_rejected")[0].Values["Rules"].Should().Be("price,language");
        logs.Named("llm_reply_degraded").Should().ContainSingle().Which.Values["Reason"].Should().Be("invalid_reply");
        logs.Entries.Where(e => e.Level > LogLevel.Trace).Should().NotContain(e => e.Message.Contains("1 990", StringComparison.Ordinal));
        logs.Named("llm_reply_rejected_detail").Should().OnlyContain(e => e.Level == LogLevel.Trace);
    }

    [Fact]
    public void SerializerOptions_AnswerBuilder_WritesTheSchemaShape() =>
        JsonDocument.Parse(Answer([Valid])).RootElement.EnumerateObject().Select(p => p.Name)
            .Should().Equal("replies", "state", "intent", "products", "customer", "escalation", "confidence");
}
