using System.Diagnostics;
using System.Text.Json;
using Mirt.Testing;

namespace Mirt.Host.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-cli-").FullName;

    [Fact]
    public async Task ChatJsonl_WritesOneContractLinePerInputAndLogsOnlyToStderr()
    {
        var (exit, stdout, stderr) = await RunAsync(["chat", "--jsonl"],
            """
            {"thread":"ig-1","text":"Шукаю сукню, зріст 118"}
            {"thread":"ig-1","text":"рожевий"}
            {"thread":"ig-2","text":"","image_url":"https://cdn.example.com/x.jpg"}
            """);

        exit.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        var offer = JsonDocument.Parse(lines[1]).RootElement;
        offer.GetProperty("thread").GetString().Should().Be("ig-1");
        offer.GetProperty("state").GetString().Should().Be("STATE_4_OFFER");
        offer.GetProperty("phase").GetString().Should().Be("OFFER_MADE");
        offer.GetProperty("degraded").GetBoolean().Should().BeTrue();
        offer.GetProperty("latency_ms").GetDouble().Should().BeGreaterThan(0);
        var product = offer.GetProperty("products")[0];
        product.GetProperty("size").GetString().Should().Be("110-116");
        product.GetProperty("color").GetString().Should().Be("рожевий");
        product.GetProperty("price_uah").GetDecimal().Should().Be(2050m);
        product.GetProperty("sku").GetString().Should().NotBeNullOrEmpty();
        JsonDocument.Parse(lines[2]).RootElement.GetProperty("escalation").GetProperty("level").GetString().Should().Be("HANDOFF");
        stderr.Should().Contain("degraded");
    }

    [Fact]
    public async Task ChatJsonl_ThreadsPersistAcrossRuns()
    {
        await RunAsync(["chat", "--jsonl"], """{"thread":"p-1","text":"Шукаю сукню"}""");
        var (_, stdout, _) = await RunAsync(["chat", "--jsonl"], """{"thread":"p-1","text":"зріст 118"}""");

        JsonDocument.Parse(stdout.Trim()).RootElement.GetProperty("phase").GetString().Should().Be("WAITING_FOR_COLOR");
    }

    [Fact]
    public async Task ChatJsonl_BadLine_ReportsItAndGoesOn()
    {
        var (exit, stdout, _) = await RunAsync(["chat", "--jsonl"], "not json\n{\"thread\":\"b-1\",\"text\":\"Привіт\"}\n");

        exit.Should().Be(1);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Contain("not valid JSON");
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("replies").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Prune_KeepsTheConversationAndReportsWhatItDeleted()
    {
        await RunAsync(["chat", "--jsonl"], """{"thread":"r-1","text":"Шукаю сукню"}""");

        var (exit, stdout, stderr) = await RunAsync(["prune", "--older-than", "30d"], string.Empty);

        exit.Should().Be(0, stderr);
        stdout.Should().StartWith("pruned 0 checkpoints older than 30d");
        var (_, next, _) = await RunAsync(["chat", "--jsonl"], """{"thread":"r-1","text":"зріст 118"}""");
        JsonDocument.Parse(next.Trim()).RootElement.GetProperty("phase").GetString().Should().Be("WAITING_FOR_COLOR");
    }

    [Theory]
    [InlineData("prune")]
    [InlineData("prune --older-than")]
    [InlineData("prune --older-than 30x")]
    [InlineData("prune --older-than -3d")]
    public async Task Prune_WithoutAValidAge_Exits2WithUsage(string command)
    {
        var (exit, _, stderr) = await RunAsync(command.Split(' '), string.Empty);

        exit.Should().Be(2);
        stderr.Should().Contain("--older-than AGE");
    }

    [Fact]
    public async Task Graph_PrintsMermaidOfTheBuiltGraph()
    {
        var (exit, stdout, _) = await RunAsync(["graph"], string.Empty);

        exit.Should().Be(0);
        stdout.Should().StartWith("flowchart TD").And.Contain("moderation").And.Contain("payment");
    }

    [Fact]
    public async Task Chat_BrokenTemplate_FailsAtStartupWithFileAndLine()
    {
        var prompts = Directory.CreateTempSubdirectory("mirt-broken-").FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Prompts, "*.hbs", SearchOption.AllDirectories))
        {
            var target = Path.Combine(prompts, Path.GetRelativePath(RepoPaths.Prompts, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await File.WriteAllTextAsync(Path.Combine(prompts, "vision", "checking_availability.hbs"), "ok\n{{#if x}}\n");
        var (exit, _, stderr) = await RunAsync(["chat", "--jsonl"], string.Empty, prompts);

        exit.Should().Be(2);
        stderr.Should().Contain("vision/checking_availability.hbs");
        Directory.Delete(prompts, recursive: true);
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args, string input, string? prompts = null)
    {
        var info = HostProcess.StartInfo(_dataDir, args);
        if (prompts is not null)
        {
            info.Environment["MIRT_PROMPTS_DIR"] = prompts;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
