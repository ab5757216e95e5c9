using Microsoft.Extensions.AI;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Media;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Vision;
using Mirt.Rules.Domain;

namespace Mirt.Sales.Tests.Vision;

public sealed class VisionNodeTests
{
    private const string Checking = "vision/checking_availability";
    private const string Recognised = "vision/recognised";

    [Fact]
    public async Task InvokeAsync_ConfidentKnownSkuAndHeightKnown_FillsProfileAndContinuesToSizeAndOffer()
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Model.ThenReply(VisionHarness.Answer("ANNA-PINK", "anna", "рожевий", 0.93));

        var state = await harness.SendPhotoAsync();

        harness.LastResult!.Goto.Should().Be(SalesNodes.SizeColor);
        state.Get(SalesKeys.Profile).Should().Be(new SalesProfile("dresses", "anna", 125, "рожевий", null));
        state.Get(SalesKeys.State).Should().Be(ConversationState.Vision.Value);
        state.Get(SalesKeys.Templates).Should().Equal(Recognised);
        state.Get(SalesKeys.Replies).Single().Should().Contain("Сукня «Анна»").And.Contain("рожевий");
        state.Get(SalesKeys.Escalation).Should().BeNull();
        state.Get(SalesKeys.DegradedReason).Should().BeNull();
    }

    [Fact]
    public async Task InvokeAsync_RecognisedWithoutHeight_ContinuesToDiscoveryForTheHeight()
    {
        var harness = new VisionHarness();
        harness.Model.ThenReply(VisionHarness.Answer("LAGUNA-GREY", "laguna", "сірий", 0.9));

        var state = await harness.SendPhotoAsync();

        harness.LastResult!.Goto.Should().Be(SalesNodes.Discovery);
        state.Get(SalesKeys.Phase).Should().Be(DialogPhase.WaitingForHeight.Value);
        state.Get(SalesKeys.Profile).ProductId.Should().Be("laguna");
    }

    [Theory]
    [InlineData(0.75, true)]
    [InlineData(0.74, false)]
    [InlineData(0.2, false)]
    public async Task InvokeAsync_ConfidenceThreshold_RecognisesFromPoint75Only(double confidence, bool recognised)
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Model.ThenReply(VisionHarness.Answer("RYTM-BURGUNDY", "rytm", "бордовий", confidence));

        var state = await harness.SendPhotoAsync();

        if (recognised)
        {
            state.Get(SalesKeys.Profile).ProductId.Should().Be("rytm");
            state.Get(SalesKeys.Escalation).Should().BeNull();
        }
        else
        {
            state.Get(SalesKeys.Profile).ProductId.Should().BeNull("a guess below the threshold never becomes the customer's choice");
            state.Get(SalesKeys.Templates).Should().Equal(Checking);
            state.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, VisionReasons.LowConfidence));
            state.Get(SalesKeys.Phase).Should().Be(DialogPhase.Escalated.Value);
            state.Get(SalesKeys.DegradedReason).Should().BeNull("the model answered; it was only unsure");
        }
    }

    [Theory]
    [InlineData("ANNA-PURPLE", "anna", "фіолетовий")] // a SKU the catalog lacks
    [InlineData(null, "vesna", null)] // a model the catalog lacks
    [InlineData("ANNA-PINK", "rytm", "рожевий")] // a SKU of one model, the id of another
    [InlineData("ANNA-PINK", "anna", "сірий")] // a SKU of one colour, another colour
    [InlineData(null, "rytm", "жовтий")] // a colour the model is not sold in
    [InlineData(null, "mereia", "білий")] // milk stands in for white in offers, but a photo is not a white one
    public async Task InvokeAsync_AnswerNotInCatalog_EscalatesAsInvalidReplyAndDegrades(string? sku, string? productId, string? color)
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Model.ThenReply(VisionHarness.Answer(sku, productId, color, 0.97));

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Templates).Should().Equal(Checking);
        state.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, VisionReasons.ModelFailed));
        state.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.InvalidReply);
        state.Get(SalesKeys.ModelRejections).Should().Be(1);
        state.Get(SalesKeys.Photos).Should().BeEmpty("an invalid reply is no verdict to remember");
        state.Get(SalesKeys.Profile).ProductId.Should().BeNull();
    }

    [Theory]
    [InlineData("Це сукня Анна, рожева.")]
    [InlineData("")]
    [InlineData("{\"sku\": \"ANNA-PINK\", \"confidence\": ")]
    [InlineData("{\"sku\": \"ANNA-PINK\", \"product_id\": \"anna\", \"color\": \"рожевий\", \"confidence\": 1.4, \"reason\": \"x\"}")]
    [InlineData("[1, 2]")]
    public async Task InvokeAsync_ReplyIsNotTheJsonAskedFor_EscalatesAndDegrades(string reply)
    {
        var harness = new VisionHarness();
        harness.Model.ThenReply(reply);

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Templates).Should().Equal(Checking);
        state.Get(SalesKeys.Escalation)!.Reason.Should().Be(VisionReasons.ModelFailed);
        state.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.InvalidReply);
    }

    [Fact]
    public async Task InvokeAsync_JsonInACodeFence_IsReadLikeBareJson()
    {
        var harness = new VisionHarness().WithHeight(130);
        harness.Model.ThenReply("```json\n" + VisionHarness.Answer("KAPRYZ-PINK", "kapryz", "рожевий", 0.88) + "\n```");

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Profile).ProductId.Should().Be("kapryz");
    }

    [Fact]
    public async Task InvokeAsync_ModelThrows_EscalatesAndMarksTheTurnDegraded()
    {
        var harness = new VisionHarness();
        harness.Model.ThenThrow(new HttpRequestException("502 from the provider"));

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Templates).Should().Equal(Checking);
        state.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, VisionReasons.ModelFailed));
        state.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.LlmError);
        state.Get(SalesKeys.Photos).Should().BeEmpty("a failed call is asked again next time");
    }

    [Fact]
    public async Task InvokeAsync_ModelNeverAnswers_GivesUpAtTheTimeoutAndDegrades()
    {
        var harness = new VisionHarness { Time = TimeProvider.System, Options = new VisionOptions { ModelTimeout = TimeSpan.FromMilliseconds(200) } };
        harness.Model.ThenHang();

        var state = await harness.SendPhotoAsync().WaitAsync(TimeSpan.FromSeconds(30));

        state.Get(SalesKeys.Escalation)!.Reason.Should().Be(VisionReasons.ModelFailed);
        state.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.Timeout);
        harness.Model.Calls.Single().CancellationToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_ThrowsInsteadOfAnswering()
    {
        var harness = new VisionHarness();
        var started = new TaskCompletionSource();
        harness.Model.ThenHang(started);
        using var cancel = new CancellationTokenSource();

        var run = harness.SendPhotoAsync(cancellationToken: cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await run.Invoking(r => r.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task InvokeAsync_NoCatalogModelOnThePhoto_EscalatesAsUnrecognisedWithoutDegrading()
    {
        var harness = new VisionHarness();
        harness.Model.ThenReply(VisionHarness.Answer(null, null, null, 0));

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, VisionReasons.Unrecognised));
        state.Get(SalesKeys.DegradedReason).Should().BeNull();
        state.Get(SalesKeys.Photos).Should().ContainSingle().Which.ProductId.Should().BeNull();
    }

    [Fact]
    public async Task InvokeAsync_ModelWithoutColour_RecognisesTheModelAndLeavesTheColourOpen()
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Model.ThenReply(VisionHarness.Answer(null, "anna", null, 0.9));

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Profile).Should().Be(new SalesProfile("dresses", "anna", 125, null, null));
        harness.LastResult!.Goto.Should().Be(SalesNodes.SizeColor);
    }

    [Theory]
    [InlineData(null, "valeri", null, "універсальний")] // one colour: no colour needed from the photo
    [InlineData(null, "anna", "блакитний", "голубий")] // a synonym maps to the catalog's colour
    [InlineData("anna-blue", null, null, "голубий")] // a SKU alone names model and colour
    public async Task InvokeAsync_ColourFromCatalog_IsTheCanonicalCatalogColour(string? sku, string? productId, string? color, string expected)
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Model.ThenReply(VisionHarness.Answer(sku, productId, color, 0.9));

        var state = await harness.SendPhotoAsync();

        state.Get(SalesKeys.Profile).Color.Should().Be(expected);
    }

    [Fact]
    public async Task InvokeAsync_SamePhotoAgain_AnswersFromTheStoredVerdictWithoutAModelCall()
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Fetcher.AlwaysReturn(Testing.Media.FakeImageFetcher.Jpeg("one picture"));
        harness.Model.ThenReply(VisionHarness.Answer("MRIIA-YELLOW", "mriia", "жовтий", 0.91));

        var first = await harness.SendPhotoAsync("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1");
        var second = await harness.SendPhotoAsync("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2");

        harness.Model.Calls.Should().HaveCount(1);
        harness.Fetcher.Fetched.Should().HaveCount(2, "the bytes, not the URL, identify a photo");
        second.Get(SalesKeys.Replies).Should().Equal(first.Get(SalesKeys.Replies));
        second.Get(SalesKeys.Profile).Should().Be(first.Get(SalesKeys.Profile));
        second.Get(SalesKeys.Photos).Should().ContainSingle().Which.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task InvokeAsync_SameLowConfidencePhotoAgain_EscalatesAgainWithoutAModelCall()
    {
        var harness = new VisionHarness();
        harness.Fetcher.AlwaysReturn(Testing.Media.FakeImageFetcher.Jpeg("blurred"));
        harness.Model.ThenReply(VisionHarness.Answer("ANNA-RED", "anna", "червоний", 0.5));

        await harness.SendPhotoAsync();
        var second = await harness.SendPhotoAsync();

        harness.Model.Calls.Should().HaveCount(1);
        second.Get(SalesKeys.Escalation)!.Reason.Should().Be(VisionReasons.LowConfidence);
    }

    [Fact]
    public async Task InvokeAsync_DifferentPhotos_AreEachAskedAbout()
    {
        var harness = new VisionHarness();
        harness.Model.ThenReply(VisionHarness.Answer(null, null, null, 0)).ThenReply(VisionHarness.Answer(null, null, null, 0));

        await harness.SendPhotoAsync("https://lookaside.fbsbx.com/a");
        var state = await harness.SendPhotoAsync("https://lookaside.fbsbx.com/b");

        harness.Model.Calls.Should().HaveCount(2);
        state.Get(SalesKeys.Photos).Should().HaveCount(2);
    }

    [Fact]
    public async Task InvokeAsync_ManyPhotos_RemembersOnlyTheNewest()
    {
        var harness = new VisionHarness { Options = new VisionOptions { MaxRememberedPhotos = 2 } };
        harness.Model.OnGetResponseAsync = call => Task.FromResult(Testing.Llm.FakeChatClient.Reply(call, VisionHarness.Answer(null, null, null, 0)));

        foreach (var name in new[] { "a", "b", "c" })
        {
            await harness.SendPhotoAsync("https://lookaside.fbsbx.com/" + name);
        }

        harness.State.Get(SalesKeys.Photos).Should().HaveCount(2);
        await harness.SendPhotoAsync("https://lookaside.fbsbx.com/c");
        harness.Model.Calls.Should().HaveCount(3, "the newest photo is still remembered");
    }

    [Theory]
    [InlineData(ImageFetchFailure.TooLarge)]
    [InlineData(ImageFetchFailure.UnsupportedMediaType)]
    [InlineData(ImageFetchFailure.HostNotAllowed)]
    [InlineData(ImageFetchFailure.Timeout)]
    public async Task InvokeAsync_PhotoCannotBeFetched_EscalatesWithoutAskingTheModel(ImageFetchFailure failure)
    {
        var harness = new VisionHarness();
        harness.Fetcher.AlwaysFail(failure);

        var state = await harness.SendPhotoAsync();

        harness.Model.Calls.Should().BeEmpty();
        state.Get(SalesKeys.Templates).Should().Equal(Checking);
        state.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, VisionReasons.FetchFailed));
        state.Get(SalesKeys.DegradedReason).Should().BeNull("the model was never asked");
    }

    [Fact]
    public async Task InvokeAsync_UrlIsNotAbsolute_EscalatesWithoutFetching()
    {
        var harness = new VisionHarness();

        var state = await harness.SendPhotoAsync("not a url");

        harness.Fetcher.Fetched.Should().BeEmpty();
        state.Get(SalesKeys.Escalation)!.Reason.Should().Be(VisionReasons.FetchFailed);
    }

    [Fact]
    public async Task InvokeAsync_NoModel_KeepsTheDegradedAnswerAndSaysWhy()
    {
        var harness = new VisionHarness { WithModel = false };

        var state = await harness.SendPhotoAsync();

        harness.Fetcher.Fetched.Should().BeEmpty();
        state.Get(SalesKeys.Templates).Should().Equal(Checking);
        state.Get(SalesKeys.Escalation).Should().Be(new Escalation(Escalation.Handoff, VisionReasons.NeedsManager));
        state.Get(SalesKeys.DegradedReason).Should().Be(DegradedReasons.NoLlm);
    }

    [Fact]
    public async Task InvokeAsync_NoFetcher_HandsThePhotoToAManagerWithoutCallingTheModel()
    {
        var harness = new VisionHarness { WithFetcher = false };

        var state = await harness.SendPhotoAsync();

        harness.Model.Calls.Should().BeEmpty();
        state.Get(SalesKeys.Escalation)!.Reason.Should().Be(VisionReasons.NeedsManager);
    }

    [Fact]
    public async Task InvokeAsync_AsksWithImageBytesCatalogContextSchemaAndCallProperties()
    {
        var harness = new VisionHarness().InState(ConversationState.SizeColor, DialogPhase.WaitingForColor);
        var bytes = Testing.Media.FakeImageFetcher.Jpeg("dress");
        harness.Fetcher.AlwaysReturn(bytes);
        harness.Model.ThenReply(VisionHarness.Answer(null, null, null, 0));
        const string url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=secret-asset";

        await harness.SendPhotoAsync(url);

        var call = harness.Model.Calls.Single();
        var properties = call.Options!.AdditionalProperties!;
        properties["mirt.node"].Should().Be("vision");
        properties["mirt.state"].Should().Be(ConversationState.SizeColor.Value);
        properties["mirt.intent"].Should().Be(Intent.PhotoIdent.Value);
        properties["mirt.deadline_ms"].Should().Be(5_000, "a photo carries its own budget to the LLM pipeline's deadline");

        var format = call.Options.ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Subject;
        var schema = format.Schema!.Value.GetProperty("properties");
        foreach (var field in new[] { "sku", "product_id", "color", "confidence", "reason" })
        {
            schema.TryGetProperty(field, out _).Should().BeTrue($"the schema asks for '{field}'");
        }

        var system = call.Messages.Single(m => m.Role == ChatRole.System).Text;
        var catalog = VisionHarness.Shop.Catalog;
        system.Should().Contain(catalog.FindById("laguna")!.VisualDescription, "the visual descriptions are the model's context");
        system.Should().Contain("MRIIA-ORANGE").And.Contain("0.75");

        var image = call.Messages.Single(m => m.Role == ChatRole.User).Contents.OfType<DataContent>().Single();
        image.Data.ToArray().Should().Equal(bytes);
        image.MediaType.Should().Be("image/jpeg");
        call.Messages.SelectMany(m => m.Contents).OfType<UriContent>().Should().BeEmpty();
        call.Messages.Select(m => m.Text).Should().NotContain(t => t.Contains("secret-asset", StringComparison.Ordinal), "private media URLs never leave the server");
    }

    [Fact]
    public async Task InvokeAsync_EachPhoto_LogsTheDecisionButNeverTheUrl()
    {
        var harness = new VisionHarness().WithHeight(125);
        harness.Model.ThenReply(VisionHarness.Answer("ANNA-GREY", "anna", "сірий", 0.8)).ThenReply(VisionHarness.Answer("ANNA-GREY", "anna", "сірий", 0.3));

        await harness.SendPhotoAsync("https://lookaside.fbsbx.com/?asset_id=secret-1");
        await harness.SendPhotoAsync("https://lookaside.fbsbx.com/?asset_id=secret-2");

        harness.Logs.Named("vision_recognised").Should().ContainSingle().Which.Values["ProductId"].Should().Be("anna");
        harness.Logs.Named("vision_escalated").Should().ContainSingle().Which.Values["Reason"].Should().Be(VisionReasons.LowConfidence);
        harness.Logs.Entries.Should().NotContain(e => e.Message.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_ConfiguredBudget_IsTheCallsPipelineDeadline()
    {
        var harness = new VisionHarness { Options = new VisionOptions { ModelTimeout = TimeSpan.FromSeconds(25) } }.InState(ConversationState.SizeColor, DialogPhase.WaitingForColor);
        harness.Fetcher.AlwaysReturn(Testing.Media.FakeImageFetcher.Jpeg("dress"));
        harness.Model.ThenReply(VisionHarness.Answer(null, null, null, 0));

        await harness.SendPhotoAsync("https://lookaside.fbsbx.com/?asset_id=budget");

        harness.Model.Calls.Single().Options!.AdditionalProperties![Mirt.Nodes.Abstractions.Flow.ChatOptionKeys.DeadlineMs].Should().Be(25_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(600_001)]
    public void Constructor_BudgetOutOfRange_Throws(int milliseconds)
    {
        var create = () => new VisionNode(new VisionOptions { ModelTimeout = TimeSpan.FromMilliseconds(milliseconds) });

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ModelTimeout");
    }

    [Fact]
    public void Constructor_ThresholdOutOfRange_Throws()
    {
        var create = () => new VisionNode(new VisionOptions { MinConfidence = 1.5 });

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinConfidence");
    }
}
