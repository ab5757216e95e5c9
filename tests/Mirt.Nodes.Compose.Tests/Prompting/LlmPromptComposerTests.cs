using Microsoft.Extensions.AI;
using Mirt.Nodes.Abstractions.State;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Nodes.Compose.Validation;
using Mirt.Rules.Domain;
using static Mirt.Nodes.Compose.Tests.ComposeFixture;

namespace Mirt.Nodes.Compose.Tests.Prompting;

public sealed class LlmPromptComposerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_OfferTurn_RendersTheSystemMessageFromTheTemplates()
    {
        var prompt = new LlmPromptComposer(Renderer).Compose(OfferInput());

        prompt.Templates.Should().Equal("llm/system", "llm/facts", "llm/contract", "llm/state/offer", "llm/turn");
        var system = prompt.Messages[0];
        system.Role.Should().Be(ChatRole.System);
        system.Text.Should().Contain("Софія").And.Contain("Mirt Kids")
            .And.Contain("ANNA-PINK").And.Contain("2 050 грн")
            .And.Contain("STATE_4_OFFER").And.Contain("child's height 118 cm, size 110-116")
            .And.Contain(OfferDraft);
        prompt.InstructionText.Should().Contain("Софія").And.NotContain("ANNA-PINK", "the catalog is facts a reply may repeat, not instructions");
        prompt.Messages[^1].Role.Should().Be(ChatRole.User);
        prompt.Messages[^1].Text.Should().Be("Скільки коштує?");
    }

    [Fact]
    public void Compose_DeliveryData_ShowsOnlyWhichFieldsAreKnown()
    {
        var input = OfferInput() with { Turn = OfferInput().Turn with { State = Payment, Delivery = new DeliveryData("Коваленко Марія", "+380671234567", null, null) } };

        var system = new LlmPromptComposer(Renderer).Compose(input).Messages[0].Text;

        system.Should().Contain("full name yes, phone yes, city no, branch no").And.NotContain("Коваленко").And.NotContain("0671234567");
    }

    [Fact]
    public void Compose_LongTranscript_IsTrimmedToTheWindow()
    {
        var transcript = Enumerable.Range(1, 30)
            .Select(i => new TranscriptEntry(i % 2 == 1 ? TranscriptEntry.CustomerRole : TranscriptEntry.BotRole, $"рядок {i}", At))
            .ToList();
        var composer = new LlmPromptComposer(Renderer, new LlmReplyOptions { TranscriptMessages = 4 });

        var messages = composer.Compose(OfferInput() with { Transcript = transcript }).Messages;

        messages.Select(m => m.Text).Should().Equal(messages[0].Text, "рядок 27", "рядок 28", "рядок 29", "рядок 30", "Скільки коштує?");
        messages.Skip(1).Select(m => m.Role).Should().Equal(ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant, ChatRole.User);
    }

    [Fact]
    public void Compose_DefaultWindow_IsTheLastTwentyLines()
    {
        var transcript = Enumerable.Range(1, 50)
            .Select(i => new TranscriptEntry(i % 2 == 1 ? TranscriptEntry.CustomerRole : TranscriptEntry.BotRole, $"рядок {i}", At))
            .ToList();

        var messages = new LlmPromptComposer(Renderer).Compose(OfferInput() with { Transcript = transcript }).Messages;

        messages.Should().HaveCount(1 + 20 + 1);
        messages[1].Text.Should().Be("рядок 31");
    }

    [Fact]
    public void Compose_BotBubblesOfOneTurn_BecomeOneAssistantMessage_PhotoUrlsNeverReachTheModel()
    {
        List<TranscriptEntry> transcript =
        [
            new(TranscriptEntry.CustomerRole, "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=7", At),
            new(TranscriptEntry.BotRole, "Вітаю!", At),
            new(TranscriptEntry.BotRole, "Перевіряю наявність.", At),
        ];
        var input = OfferInput() with { Transcript = transcript, Message = new CustomerMessage(string.Empty, "https://lookaside.fbsbx.com/x", null) };

        var prompt = new LlmPromptComposer(Renderer).Compose(input);

        prompt.Messages.Skip(1).Select(m => (m.Role, m.Text)).Should().Equal(
            (ChatRole.User, "(The customer sent a photo without text.)"),
            (ChatRole.Assistant, "Вітаю!\n\nПеревіряю наявність."),
            (ChatRole.User, "(The customer sent a photo without text.)"));
        prompt.Templates.Should().EndWith("llm/photo_message");
        prompt.Messages.Should().NotContain(m => m.Text.Contains("fbsbx", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_AddsNoTextOfItsOwn_EverythingComesFromTemplates()
    {
        using var prompts = new MarkerPrompts();
        var composer = new LlmPromptComposer(new LibraryRenderer(prompts.Directory));

        var prompt = composer.Compose(OfferInput());
        var repaired = composer.Repair(prompt, "{}", [new ReplyError(ReplyRules.Schema, "The field replies is missing.")]);

        prompt.Messages[0].Text.Should().Be("[llm/system]\n\n[llm/facts]\n\n[llm/contract]\n\n[llm/state/offer]\n\n[llm/turn]");
        repaired.Messages[^1].Text.Should().Be("[llm/repair]");
    }

    [Fact]
    public void Repair_AppendsTheRejectedAnswerAndTheErrors()
    {
        var composer = new LlmPromptComposer(Renderer);
        var prompt = composer.Compose(OfferInput());

        var repaired = composer.Repair(prompt, "not json", [new ReplyError(ReplyRules.Schema, "The answer is not valid JSON."), new ReplyError(ReplyRules.Price, "Bubble 1 names 1 990 грн.")]);

        repaired.Messages.Should().HaveCount(prompt.Messages.Count + 2);
        repaired.Messages[^2].Role.Should().Be(ChatRole.Assistant);
        repaired.Messages[^2].Text.Should().Be("not json");
        repaired.Messages[^1].Role.Should().Be(ChatRole.User);
        repaired.Messages[^1].Text.Should().Contain("- The answer is not valid JSON.").And.Contain("- Bubble 1 names 1 990 грн.");
        repaired.Templates.Should().EndWith("llm/repair");
    }

    [Theory]
    [InlineData("STATE_0_INIT", "llm/state/init")]
    [InlineData("STATE_2_VISION", "llm/state/vision")]
    [InlineData("STATE_5_PAYMENT_DELIVERY", "llm/state/payment")]
    [InlineData("STATE_9_OOD", "llm/state/ood")]
    public void Compose_EveryStateSample_RendersItsStateTemplate(string state, string template)
    {
        var prompt = new LlmPromptComposer(Renderer).Compose(ComposeSample.For(Shop, state));

        prompt.Templates.Should().Contain(template);
        prompt.Messages.Should().HaveCount(2);
    }

    [Fact]
    public void ComposeSample_Parse_ReadsAHandWrittenSample()
    {
        const string json = """
            {"turn": {"state": "STATE_4_OFFER", "profile": {"productId": "anna", "heightCm": 118, "color": "рожевий"}, "draft": ["Оформлюємо?"]},
             "message": {"text": "Так"}}
            """;

        var input = ComposeSample.Parse(Shop, json);
        var system = new LlmPromptComposer(Renderer).Compose(input).Messages[0].Text;

        input.Turn.Products.Should().BeEmpty();
        system.Should().Contain("size 110-116").And.Contain("Оформлюємо?");
    }

    private static ComposeInput OfferInput()
    {
        var profile = new SalesProfile("dresses", "anna", 118, "рожевий", null);
        var line = new ProductLine("ANNA-PINK", "Сукня «Анна»", "110-116", "рожевий", 2050m);
        var turn = new TurnSummary(Offer, DialogPhase.OfferMade.Value, Intent.DiscoveryOrQuestion.Value, profile, [line], DeliveryData.Empty, null, null, null, [OfferDraft], ["offer/reminder"]);
        return new ComposeInput(Shop, turn, [], new CustomerMessage("Скільки коштує?", null, null));
    }

    /// <summary>A prompts directory whose every llm/ template is just its own name in brackets.</summary>
    private sealed class MarkerPrompts : IDisposable
    {
        public MarkerPrompts()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("mirt-llm-markers-").FullName;
            foreach (var template in LlmTemplates.All)
            {
                var file = Path.Combine(Directory, template.Name + ".hbs");
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, $"[{template.Name}]");
            }
        }

        public string Directory { get; }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
