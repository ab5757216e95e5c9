using System.Text;

namespace Mirt.Host.Tests.Delivery;

/// <summary>Each reply mode delivers the way docs/OPERATIONS.md says (issue 5: two reply modes and the hybrid).</summary>
public sealed class ReplyModeDeliveryTests
{
    // The greeting turn of the dress-purchase golden flow: a hello bubble and an answer bubble.
    private const string TwoBubbles = "Добрий день! Шукаю сукню для доньки на випускний у садочку";

    private static readonly Dictionary<string, string> NoApiKey = new() { ["MIRT_MANYCHAT_API_KEY"] = "" };

    [Fact]
    public async Task PushMode_AnswersEmptyAtOnce_PushesOneSendContentPerBubbleInOrder()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string> { ["MIRT_REPLY_MODE"] = "push" });
        const long customer = 5550901;

        var answer = await bed.SendAsync(host, customer, TwoBubbles);

        answer.Status.Should().Be(200);
        answer.IsEmpty.Should().BeTrue("push mode answers every webhook with no messages");
        answer.Took.Should().BeLessThan(TimeSpan.FromSeconds(1), "the webhook does not wait for the turn");
        (await DeliveryTestBed.EventuallyAsync(() => bed.PushedTo(customer).Count >= 2, TimeSpan.FromSeconds(15))).Should().BeTrue(host.Log);
        await Task.Delay(1_000);
        var pushes = bed.ManyChat.Sent.Where(s => s.SubscriberId == customer).ToList();
        pushes.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(p => p.Texts.Count == 1, "one sendContent per bubble");
        pushes.Select(p => p.At).Should().BeInAscendingOrder();
        pushes[0].Texts[0].Should().StartWith("Вітаю!", "the hello bubble goes first");
        pushes[^1].Texts[0].Should().Contain("зріст", "the question closes the reply");
        var metrics = await DeliveryTestBed.MetricsAsync(host);
        metrics.Sum("delivery_answers_total", ("kind", "empty")).Should().Be(1);
        metrics.Sum("delivery_answers_total", ("kind", "reply")).Should().Be(0);
        metrics.Sum("delivery_pushes_total", ("kind", "reply"), ("result", "sent")).Should().Be(pushes.Count);
    }

    [Fact]
    public async Task ResponseMode_WithoutApiKey_ReportsResponseAndAnswersInline()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string>(NoApiKey) { ["MIRT_REPLY_MODE"] = "response" });

        var (status, ready) = await DeliveryTestBed.ReadyAsync(host);
        var answer = await bed.SendAsync(host, 5550902, "Є сукні для дівчинки?");

        status.Should().Be(200);
        ready.GetProperty("delivery").GetProperty("mode").GetString().Should().Be("response");
        ready.GetProperty("delivery").GetProperty("push").GetBoolean().Should().BeFalse();
        answer.IsEmpty.Should().BeFalse("the reply comes inline");
        bed.ManyChat.Requests.Should().BeEmpty("without a key the host never calls the API");
        host.Log.Should().NotContain("MIRT_REPLY_MODE is hybrid but");
    }

    [Fact]
    public async Task HybridMode_WithoutApiKey_WarnsPushUnavailableAndRunsAsResponse()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string>(NoApiKey) { ["MIRT_LOG_FORMAT"] = "json" });

        var (_, ready) = await DeliveryTestBed.ReadyAsync(host);
        var answer = await bed.SendAsync(host, 5550903, "Є сукні для дівчинки?");

        ready.GetProperty("delivery").GetProperty("mode").GetString().Should().Be("response");
        answer.IsEmpty.Should().BeFalse();
        host.Log.Should().Contain("\"event\":\"push_unavailable\"").And.Contain("MIRT_MANYCHAT_API_KEY is not set");
    }

    [Fact]
    public async Task PushMode_WithoutApiKey_RefusesToStartNamingTheKey()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"mirt-push-nokey-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var info = HostProcess.StartInfo(dataDir, "serve");
        info.Environment["MIRT_URLS"] = "http://127.0.0.1:0";
        info.Environment["MIRT_REPLY_MODE"] = "push";
        info.Environment.Remove("MIRT_MANYCHAT_API_KEY");
        try
        {
            using var process = System.Diagnostics.Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.Should().Be(2, "a start-up failure exits with 2");
            (await stderr + await stdout).Should().Contain("start-up failed").And.Contain("MIRT_REPLY_MODE is push").And.Contain("MIRT_MANYCHAT_API_KEY");
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task InlineBubbles_FoldJoinsTheReplyIntoOneMessage_SeparateKeepsEachBubble()
    {
        await using var foldBed = DeliveryTestBed.Create();
        await using var separateBed = DeliveryTestBed.Create();
        var foldHost = await foldBed.StartHostAsync(); // MIRT_INLINE_BUBBLES unset: fold
        var separateHost = await separateBed.StartHostAsync(new Dictionary<string, string> { ["MIRT_INLINE_BUBBLES"] = "separate" });

        var folded = await foldBed.SendAsync(foldHost, 5550904, TwoBubbles);
        var separate = await separateBed.SendAsync(separateHost, 5550904, TwoBubbles);

        separate.Texts.Should().HaveCountGreaterThanOrEqualTo(2);
        folded.Texts.Should().ContainSingle().Which.Should().Be(string.Join("\n\n", separate.Texts));
        Encoding.UTF8.GetByteCount(folded.Texts[0]).Should().BeLessThanOrEqualTo(1000);
    }
}
