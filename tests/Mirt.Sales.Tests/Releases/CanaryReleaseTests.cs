using Mirt.Graph.Checkpoints;
using Mirt.Sales.Assistant;
using Mirt.Sales.Releases;
using Mirt.Testing;

namespace Mirt.Sales.Tests.Releases;

public sealed class CanaryReleaseTests : IDisposable
{
    private readonly CanaryPrompts _canaryPrompts = new();
    private readonly InMemoryCheckpointSaver _store = new();

    public void Dispose() => _canaryPrompts.Dispose();

    [Fact]
    public async Task HandleAsync_AllowListedAndOthers_RenderTheirReleasesPromptsSideBySide()
    {
        await using var bot = await CreateAsync(new CanaryOptions { AllowList = ["tester"], PromptsDirectory = _canaryPrompts.Directory });

        var canary = await bot.SayAsync("tester", "Шукаю сукню");
        var stable = await bot.SayAsync("customer", "Шукаю сукню");

        canary.Release.Should().Be("canary");
        canary.Replies.Should().OnlyContain(r => r.StartsWith(CanaryPrompts.Marker, StringComparison.Ordinal));
        stable.Release.Should().Be("stable");
        stable.Replies.Should().NotContain(r => r.Contains(CanaryPrompts.Marker, StringComparison.Ordinal));
        stable.Replies.Should().Equal(canary.Replies.Select(r => r[CanaryPrompts.Marker.Length..]), "both releases run the same graph");
        bot.ReleaseFor("tester").Should().Be("canary");
    }

    [Fact]
    public async Task HandleAsync_RollbackMidConversation_ContinuesOnStable()
    {
        var canaryOn = new CanaryOptions { Percent = 100, PromptsDirectory = _canaryPrompts.Directory };
        await using (var before = await CreateAsync(canaryOn))
        {
            var started = await before.ConverseAsync("ig-7", "Шукаю сукню", "зріст 118");
            started.Release.Should().Be("canary");
            started.Phase.Should().Be("WAITING_FOR_COLOR");
        }

        // Rollback is MIRT_CANARY_PERCENT=0: the next process has no canary, over the same store.
        await using var after = await CreateAsync(new CanaryOptions { Percent = 0, PromptsDirectory = _canaryPrompts.Directory });
        var continued = await after.SayAsync("ig-7", "рожевий");

        continued.Release.Should().Be("stable");
        continued.Phase.Should().Be("OFFER_MADE");
        continued.Products.Should().ContainSingle(p => p.Color == "рожевий" && p.Size == "110-116");
        continued.Replies.Should().NotContain(r => r.Contains(CanaryPrompts.Marker, StringComparison.Ordinal));
        (await after.GetTranscriptAsync("ig-7")).Should().HaveCountGreaterThan(4, "the canary turns are still part of the conversation");
    }

    [Fact]
    public async Task HandleAsync_FaultDelay_SlowsCanaryTurnsOnly()
    {
        await using var bot = await CreateAsync(new CanaryOptions { AllowList = ["tester"], FaultDelay = TimeSpan.FromMilliseconds(300) }, TimeProvider.System);

        var canary = await bot.SayAsync("tester", "Привіт");
        var stable = await bot.SayAsync("customer", "Привіт");

        canary.LatencyMs.Should().BeGreaterThanOrEqualTo(300);
        stable.LatencyMs.Should().BeLessThan(300);
        canary.Replies.Should().Equal(stable.Replies, "without a canary prompt set the canary renders stable's prompts");
    }

    [Fact]
    public async Task CreateAsync_MissingCanaryPrompts_Throws()
    {
        var act = () => CreateAsync(new CanaryOptions { Percent = 5, PromptsDirectory = "/nonexistent/canary-prompts" });

        (await act.Should().ThrowAsync<DirectoryNotFoundException>()).Which.Message.Should().Contain("MIRT_CANARY_PROMPTS_DIR");
    }

    [Fact]
    public async Task CreateAsync_PercentOutOfRange_Throws()
    {
        var act = () => CreateAsync(new CanaryOptions { Percent = 101 });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    private Task<SalesAssistant> CreateAsync(CanaryOptions canary, TimeProvider? time = null) =>
        SalesAssistant.CreateAsync(new SalesAssistantOptions
        {
            Saver = _store,
            PromptsDirectory = RepoPaths.Prompts,
            Canary = canary,
            Time = time ?? new ManualTimeProvider(),
        });
}
