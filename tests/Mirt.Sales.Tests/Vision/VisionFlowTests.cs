using Microsoft.Extensions.AI;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Vision;
using Mirt.Rules.Domain;
using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;
using Mirt.Testing;
using Mirt.Testing.Llm;
using Mirt.Testing.Media;

namespace Mirt.Sales.Tests.Vision;

/// <summary>The photo path through the whole assistant: router, vision node, size-and-offer flow, compose, reply. The
/// scripted model answers vision calls from <see cref="VisionAnswers"/> and fails every other call, so the rule-only
/// draft stays the reply and the assertions read the rules' text.</summary>
public sealed class VisionFlowTests : IAsyncDisposable
{
    private const string Photo = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17&signature=abc";

    private readonly FakeChatClient _model = new();
    private readonly FakeImageFetcher _fetcher = new();
    private readonly Queue<string> _visionAnswers = new();
    private SalesAssistant? _assistant;

    public VisionFlowTests() =>
        _model.OnGetResponseAsync = call => IsVision(call)
            ? Task.FromResult(FakeChatClient.Reply(call, _visionAnswers.Dequeue()))
            : Task.FromException<ChatResponse>(new InvalidOperationException("Only the vision node is under test here."));

    private Queue<string> VisionAnswers => _visionAnswers;

    private IReadOnlyList<FakeChatCall> VisionCalls => [.. _model.Calls.Where(IsVision)];

    [Fact]
    public async Task HandleAsync_RecognisedPhotoWithHeightKnown_OffersTheModelAtTheCatalogPrice()
    {
        var assistant = await AssistantAsync();
        (await assistant.SayAsync("t", "Добрий день, шукаю костюм на зріст 125 см")).Phase.Should().Be(DialogPhase.WaitingForModel.Value);
        // The model's answer carries a price; only the catalog's may reach the customer.
        VisionAnswers.Enqueue("""{"sku":"LAGUNA-GREY","product_id":"laguna","color":"сірий","confidence":0.9,"reason":"zip hoodie","price_uah":1}""");

        var reply = await assistant.SayAsync("t", string.Empty, Photo);

        reply.State.Should().Be(ConversationState.Offer.Value);
        reply.Phase.Should().Be(DialogPhase.OfferMade.Value);
        reply.Path.Should().ContainInOrder("vision", "size_color", "offer");
        reply.Templates.Should().ContainInOrder("vision/recognised", "offer/made");
        reply.Products.Should().ContainSingle().Which.Should().Be(new ProductLine("LAGUNA-GREY", "Костюм «Лагуна»", "122-128", "сірий", 2190m));
        string.Join("\n", reply.Replies).Should().Contain("2 190 грн").And.NotContain(" 1 грн");
        reply.Escalation.Should().BeNull();
    }

    [Fact]
    public async Task HandleAsync_RecognisedPhotoFirst_AsksTheHeightThenOffers()
    {
        var assistant = await AssistantAsync();
        VisionAnswers.Enqueue(VisionHarness.Answer("ANNA-RASPBERRY", "anna", "малина", 0.86));

        var first = await assistant.SayAsync("t", string.Empty, Photo);

        first.Phase.Should().Be(DialogPhase.WaitingForHeight.Value);
        first.Templates.Should().ContainInOrder("vision/recognised", "discovery/ask_height");
        string.Join("\n", first.Replies).Should().Contain("Сукня «Анна»").And.Contain("2 050 грн");

        var second = await assistant.SayAsync("t", "зріст 130");

        second.State.Should().Be(ConversationState.Offer.Value);
        second.Products.Should().ContainSingle().Which.Should().Be(new ProductLine("ANNA-RASPBERRY", "Сукня «Анна»", "122-128", "малина", 2050m));
        VisionCalls.Should().HaveCount(1);
    }

    [Fact]
    public async Task HandleAsync_LowConfidencePhoto_ChecksAvailabilityAndAlertsAManager()
    {
        var assistant = await AssistantAsync();
        VisionAnswers.Enqueue(VisionHarness.Answer("TRENCH-PINK", "trench", "рожевий", 0.74));

        var reply = await assistant.SayAsync("t", string.Empty, Photo);

        reply.Templates.Should().Contain("vision/checking_availability");
        reply.Escalation.Should().Be(new Escalation(Escalation.Handoff, VisionReasons.LowConfidence));
        reply.State.Should().Be(ConversationState.Vision.Value);
        reply.Phase.Should().Be(DialogPhase.Escalated.Value);
        reply.Products.Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_SamePhotoInALaterTurn_IsNotSentToTheModelAgain()
    {
        _fetcher.AlwaysReturn(FakeImageFetcher.Jpeg("the same dress"));
        var assistant = await AssistantAsync();
        VisionAnswers.Enqueue(VisionHarness.Answer(null, null, null, 0));

        var first = await assistant.SayAsync("t", string.Empty, Photo);
        var second = await assistant.SayAsync("t", string.Empty, Photo + "&again=1");

        VisionCalls.Should().HaveCount(1);
        second.Escalation.Should().Be(first.Escalation);
        second.Templates.Should().Contain("vision/checking_availability");
    }

    [Fact]
    public async Task HandleAsync_PhotoThatCannotBeFetched_EscalatesWithoutCrashing()
    {
        _fetcher.AlwaysFail(Nodes.Abstractions.Media.ImageFetchFailure.TooLarge);
        var assistant = await AssistantAsync();

        var reply = await assistant.SayAsync("t", string.Empty, Photo);

        reply.Escalation!.Reason.Should().Be(VisionReasons.FetchFailed);
        reply.Replies.Should().NotBeEmpty();
        VisionCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_VisionModelFails_RepliesAndReportsTheTurnDegraded()
    {
        var assistant = await AssistantAsync();
        _model.OnGetResponseAsync = _ => Task.FromException<ChatResponse>(new HttpRequestException("provider down"));

        var reply = await assistant.SayAsync("t", string.Empty, Photo);

        reply.Escalation!.Reason.Should().Be(VisionReasons.ModelFailed);
        reply.Degraded.Should().BeTrue();
        reply.Templates.Should().Contain("vision/checking_availability");
    }

    // Each prefix leaves the conversation in one payment phase (the dress purchase of the golden flows).
    public static TheoryData<string, string[]> PaymentPhases => new()
    {
        { "WAITING_FOR_DELIVERY_DATA", ["Шукаю сукню для доньки", "Зріст 118 см", "Рожевий, давайте рожевий", "Так, оформлюємо"] },
        { "WAITING_FOR_PAYMENT_METHOD", ["Шукаю сукню для доньки", "Зріст 118 см", "Рожевий, давайте рожевий", "Так, оформлюємо", "Коваленко Марія Іванівна, 067 123 45 67", "Львів, відділення нової пошти 25"] },
        { "WAITING_FOR_PAYMENT_PROOF", ["Шукаю сукню для доньки", "Зріст 118 см", "Рожевий, давайте рожевий", "Так, оформлюємо", "Коваленко Марія Іванівна, 067 123 45 67", "Львів, відділення нової пошти 25", "Передплата 200 грн"] },
    };

    [Theory]
    [MemberData(nameof(PaymentPhases))]
    public async Task HandleAsync_ImageInThePaymentPhase_IsAProofCandidateAndNeverGoesToTheVisionModel(string phase, string[] before)
    {
        var assistant = await AssistantAsync();
        var last = await assistant.ConverseAsync("t", before);
        last.Phase.Should().Be(phase);

        var reply = await assistant.SayAsync("t", string.Empty, "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=receipt");

        reply.Path.Should().Contain("payment").And.NotContain("vision");
        VisionCalls.Should().BeEmpty("a payment screenshot is never a product photo");
        _model.Calls.SelectMany(c => c.Messages).SelectMany(m => m.Contents).OfType<DataContent>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("STATE_6_UPSELL")] // a photo of another garment after the order used to stop the turn: Upsell → Vision was not permitted
    [InlineData("STATE_7_END")]
    [InlineData("STATE_9_OOD")]
    public async Task HandleAsync_PhotoAfterTheSale_IsRecognisedLikeAnyOther(string start)
    {
        var assistant = await AssistantAsync();
        VisionAnswers.Enqueue(VisionHarness.Answer("TRENCH-NAVY", "trench", "темно-синій", 0.9));

        var reply = await assistant.HandleAsync(new IncomingMessage("t", string.Empty, Photo, StartState: start));

        reply.Path.Should().Contain("vision");
        reply.Templates.Should().Contain("vision/recognised");
        reply.Phase.Should().Be(DialogPhase.WaitingForHeight.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_assistant is not null)
        {
            await _assistant.DisposeAsync();
        }
    }

    private static bool IsVision(FakeChatCall call) =>
        call.Options?.AdditionalProperties?.TryGetValue("mirt.node", out var node) == true && Equals(node, "vision");

    private async Task<SalesAssistant> AssistantAsync() =>
        _assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions
        {
            Store = StoreKind.InMemory,
            PromptsDirectory = RepoPaths.Prompts,
            Time = new ManualTimeProvider(),
            ChatClient = _model,
            ImageFetcher = _fetcher,
        });
}
