using System.Text.Json;
using Mirt.Testing.Llm;

namespace Mirt.Host.Tests;

/// <summary>Runs the real host process against a real OpenAI-compatible server (llama.cpp's <c>llama-server</c> with a
/// tiny random-weights model): the LLM path end to end. The model talks nonsense, so what is asserted is the
/// plumbing: every turn calls the model, every reply is validated, and an invalid one falls back to the rule-only
/// reply without the customer seeing an error.</summary>
public sealed class LlmHostTests : IAsyncLifetime
{
    private static readonly string[] Conversation = ["Привіт", "Шукаю сукню, зріст 118", "Яка ціна?", "Беру"];
    private LlamaServer? _llama;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"mirt-llm-host-{System.Environment.ProcessId}-{Guid.NewGuid():N}");
    private HostProcess? _host;

    public async Task InitializeAsync()
    {
        // One slot with the whole context: the sales prompt (system rules, catalog facts, transcript) is a few thousand
        // tokens for the tiny model's character-level vocabulary.
        _llama = await LlamaServer.StartAsync("llm-host-test-key", new LlamaServerOptions { ContextSize = 32768, Slots = 1 });
        _host = await HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["MIRT_LLM_ENDPOINT"] = _llama.Endpoint.ToString(),
            ["MIRT_LLM_API_KEY"] = _llama.ApiKey,
            ["MIRT_LLM_MODEL"] = _llama.Model,

            // A loaded 2-core CI machine evaluates the few-thousand-token prompt slowly; the plumbing, not the speed, is tested.
            ["MIRT_LLM_DEADLINE_MS"] = "60000",
            ["MIRT_LLM_TURN_DEADLINE_MS"] = "120000",
            ["MIRT_LLM_NETWORK_TIMEOUT_MS"] = "60000",

            // No API key, so replies go inline (response mode); the webhook must outwait the turn's own deadline.
            ["MIRT_RESPONSE_WAIT_MS"] = "150000",
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_llama is not null)
        {
            await _llama.DisposeAsync();
        }

        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Ready_SaysTheLlmIsConfigured_AndStartUpDoesNotClaimDegradedMode()
    {
        using var http = new HttpClient { BaseAddress = _host!.Address };

        var body = JsonDocument.Parse(await http.GetStringAsync("/health/ready"));

        var llm = body.RootElement.GetProperty("llm");
        llm.GetProperty("configured").GetBoolean().Should().BeTrue();
        llm.GetProperty("degraded").GetBoolean().Should().BeFalse();
        _host.Log.Should().NotContain("No LLM is configured").And.NotContain(_llama!.ApiKey, "the key never reaches a log");
    }

    [Fact]
    public async Task Conversation_EveryTurnCallsTheModel_AndEveryReplyIsValidatedOrFallsBack()
    {
        foreach (var text in Conversation)
        {
            var (status, body) = await WebhookClient.PostAsync(_host!.Address, WebhookClient.Message("llm-e2e", text));

            status.Should().Be(200, $"the customer never sees an error, even from a nonsense model (log:\n{_host.Log})");
            WebhookClient.Texts(body).Should().NotBeEmpty().And.OnlyContain(t => t.Trim().Length > 0);
        }

        await WaitForAsync(() => Count(_host!.Log, "turn thread=llm-e2e") >= Conversation.Length);
        var log = _host!.Log;
        Count(log, "llm_call model=").Should().BeGreaterThanOrEqualTo(Conversation.Length, $"every turn asks the model (and a repair may ask twice); the host log:\n{log}");
        var answered = Count(log, "turn thread=llm-e2e");
        var degraded = Count(log, "degraded=true reason=");
        var validated = Count(log, "degraded=false");
        (degraded + validated).Should().Be(answered, "each turn is either a validated model reply or an explicit fallback");
        log.Should().NotContain("reason=no_llm", "the model is configured");
        using var http = new HttpClient { BaseAddress = _host.Address };
        var metrics = await http.GetStringAsync("/metrics");
        metrics.Should().Contain("llm_latency_ms_count{");
        if (degraded > 0)
        {
            metrics.Should().Contain("degraded_replies_total{");
        }
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
