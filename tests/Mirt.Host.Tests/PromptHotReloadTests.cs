using Mirt.Testing;

namespace Mirt.Host.Tests;

/// <summary>
/// The Development host reloads templates on change; a change that fails lint keeps the previous templates; other
/// environments never watch.
/// </summary>
public sealed class PromptHotReloadTests : IDisposable
{
    private const string Template = "discovery/ask_height.hbs";
    private const string Question = "Шукаю сукню для доньки";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-hot-reload-").FullName;
    private readonly PromptsCopy _prompts = new();
    private int _subscribers;

    public void Dispose()
    {
        _prompts.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Development_EditedTemplate_IsUsedByTheNextReply_AndABrokenEditKeepsIt()
    {
        await using var host = await StartAsync("Development");
        (await AskAsync(host)).Should().Contain("Так, маємо:");
        host.Log.Should().Contain("prompts hot reload on");

        _prompts.Write(Template, _prompts.Read(Template).Replace("Так, маємо:", "Так, є в наявності:", StringComparison.Ordinal));
        var edited = await EventuallyAsync(host, reply => reply.Contains("Так, є в наявності:", StringComparison.Ordinal));
        edited.Should().NotContain("Так, маємо:");
        await WaitForLogAsync(host, "prompts reloaded templates=");

        _prompts.Write(Template, "Так, є в наявності:\n{{#each products}}\n• {{name}}\n");
        await WaitForLogAsync(host, "prompts reload rejected");

        host.Log.Should().Contain($"prompts problem {Template}:2:1: '{{{{#each}}}}' is never closed");
        (await AskAsync(host)).Should().Contain("Так, є в наявності:").And.Contain("Сукня «Анна» — 2 050 грн", "the previous, valid template keeps serving");

        _prompts.Write(Template, "Виправлено!\n{{#each products}}\n• {{name}}\n{{/each}}");
        (await EventuallyAsync(host, reply => reply.Contains("Виправлено!", StringComparison.Ordinal))).Should().NotContain("Так, є в наявності:");
    }

    [Fact]
    public async Task Production_EditedTemplate_IsNotReloaded()
    {
        await using var host = await StartAsync("Production");
        _prompts.Write(Template, "Змінено на диску.\n");

        // Ten debounce periods: long enough for a reload to have happened if anything watched.
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await AskAsync(host)).Should().Contain("Так, маємо:");
        host.Log.Should().NotContain("prompts hot reload on").And.NotContain("prompts reloaded");
    }

    private Task<HostProcess> StartAsync(string environment) =>
        HostProcess.StartAsync(_dataDir, environment: new Dictionary<string, string>
        {
            ["MIRT_PROMPTS_DIR"] = _prompts.Directory,
            ["ASPNETCORE_ENVIRONMENT"] = environment,
        });

    /// <summary>Asks in a new conversation, so every answer comes from the discovery template.</summary>
    private async Task<string> AskAsync(HostProcess host)
    {
        var subscriber = $"hot-{Interlocked.Increment(ref _subscribers)}";
        var (status, body) = await WebhookClient.PostAsync(host.Address, WebhookClient.Message(subscriber, Question));
        status.Should().Be(200);
        return string.Join("\n", WebhookClient.Texts(body));
    }

    private async Task<string> EventuallyAsync(HostProcess host, Func<string, bool> expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        var reply = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            reply = await AskAsync(host);
            if (expected(reply))
            {
                return reply;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No reply matched within {Patience.TotalSeconds} s; the last was:\n{reply}\nHost log:\n{host.Log}");
    }

    private static async Task WaitForLogAsync(HostProcess host, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!host.Log.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The host never logged '{text}' within {Patience.TotalSeconds} s:\n{host.Log}");
            }

            await Task.Delay(100);
        }
    }
}
