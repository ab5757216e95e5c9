using System.Diagnostics;
using Mirt.Testing;

namespace Mirt.Host.Tests;

/// <summary>
/// <c>mirt prompts lint</c> and <c>mirt prompts render</c>, run as the real built host process.
/// </summary>
public sealed class PromptsCommandTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("mirt-prompts-cli-").FullName;
    private readonly PromptsCopy _prompts = new();

    public void Dispose()
    {
        _prompts.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Lint_RepositoryPrompts_ExitsZero()
    {
        var (exit, stdout, stderr) = await MirtAsync(RepoPaths.Root, "prompts", "lint", "--dir", "prompts");

        exit.Should().Be(0, $"{stdout}\n{stderr}");
        stdout.Trim().Should().MatchRegex(@"^prompts lint: \d+ templates in prompts/ are clean$");
    }

    [Fact]
    public async Task Lint_WithoutDir_FindsThePromptsOfTheCheckout()
    {
        var (exit, stdout, _) = await MirtAsync(Path.Combine(RepoPaths.Root, "src"), "prompts", "lint");

        exit.Should().Be(0, stdout);
        stdout.Should().Contain("are clean");
    }

    [Fact]
    public async Task Lint_UnclosedBlock_ExitsOneWithFileLineAndColumn()
    {
        _prompts.Write("offer/made.hbs", "Чудовий вибір!\n  {{#if substituteFor}}\n{{> offer_line}}\nОформлюємо замовлення?\n");

        var (exit, stdout, _) = await MirtAsync(_prompts.Root, "prompts", "lint", "--dir", "prompts");

        exit.Should().Be(1, stdout);
        stdout.Should().Contain("prompts/offer/made.hbs:2:3: '{{#if}}' is never closed; add '{{/if}}' where the block ends");
        Lines(stdout)[^1].Should().MatchRegex(@"^prompts lint: 1 problem\(s\) in 1 file\(s\) under prompts/ \(\d+ templates checked\)$");
    }

    [Fact]
    public async Task Lint_UnknownVariable_ReportsFileLineAndColumn()
    {
        _prompts.Write("payment/awaiting_proof.hbs", "Чекаю на оплату {{money dueNowUah}} грн.\nЗамовлення: {{prodctName}}\n");

        var (exit, stdout, _) = await MirtAsync(_prompts.Root, "prompts", "lint", "--dir", "prompts");

        exit.Should().Be(1, stdout);
        Lines(stdout)[0].Should().StartWith("prompts/payment/awaiting_proof.hbs:2:13: unknown variable 'prodctName' for model RequisitesModel");
    }

    [Fact]
    public async Task Lint_RuleTextCopiedIntoTwoTemplates_ReportsBothPlaces()
    {
        var line = _prompts.Read("shared/payment_terms.hbs").Split('\n')[1];
        _prompts.Write("payment/awaiting_proof.hbs", $"Чекаю на оплату {{{{money dueNowUah}}}} грн.\n{line}\n");

        var (exit, stdout, _) = await MirtAsync(_prompts.Root, "prompts", "lint", "--dir", "prompts");

        exit.Should().Be(1, stdout);
        stdout.Should().Contain("prompts/payment/awaiting_proof.hbs:2:1: this line is repeated in shared/payment_terms.hbs:2")
            .And.Contain("prompts/shared/payment_terms.hbs:2:1: this line is repeated in payment/awaiting_proof.hbs:2");
    }

    [Theory]
    [InlineData("prompts")]
    [InlineData("prompts frobnicate")]
    [InlineData("prompts lint --bogus x")]
    [InlineData("prompts lint --dir")]
    [InlineData("prompts lint --dir /nonexistent/prompts")]
    [InlineData("prompts render")]
    [InlineData("prompts render STATE_42_NOWHERE")]
    [InlineData("prompts render STATE_4_OFFER --template nope/never")]
    [InlineData("prompts render STATE_4_OFFER --sample /nonexistent/sample.json")]
    [InlineData("prompts render STATE_4_OFFER --sample prompts/samples/payment.json")]
    [InlineData("prompts render STATE_4_OFFER --template llm/system")]
    public async Task Prompts_UsageErrors_Exit2WithUsage(string command)
    {
        var (exit, _, stderr) = await MirtAsync(RepoPaths.Root, command.Split(' '));

        exit.Should().Be(2, stderr);
        stderr.Should().Contain("usage: mirt prompts");
    }

    [Fact]
    public async Task RenderState_FromItsSample_PrintsTheComposedPromptAsRoleBlocks()
    {
        var (exit, stdout, stderr) = await MirtAsync(RepoPaths.Root, "prompts", "render", "STATE_4_OFFER");

        exit.Should().Be(0, stderr);
        stdout.Should().StartWith("--- system ---\n").And.EndWith("--- user ---\nрожевий, будь ласка\n");
        var system = stdout[..stdout.IndexOf("\n--- user ---", StringComparison.Ordinal)];
        system.Should().Contain("Сукня «Анна», колір рожевий, розмір 110-116 — 2 050 грн.", "the rule draft is in the state summary")
            .And.Contain("[ANNA-PINK]", "the catalog facts list the SKUs");
        Lines(stdout).Where(l => l.StartsWith("--- ", StringComparison.Ordinal)).Should().Equal(
            "--- system ---", "--- user ---", "--- assistant ---", "--- user ---", "--- assistant ---", "--- user ---");
        stderr.Should().Contain("prompts/samples/offer.json").And.Contain("llm/state/offer");
    }

    [Fact]
    public async Task RenderState_AfterEditingItsTemplate_ShowsTheEdit()
    {
        _prompts.Write("llm/state/offer.hbs", "Stage: the offer. Be brief and warm.");

        var (exit, stdout, stderr) = await MirtAsync(_prompts.Root, "prompts", "render", "STATE_4_OFFER", "--dir", "prompts");

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("\nStage: the offer. Be brief and warm.\n");
    }

    [Fact]
    public async Task RenderState_WithoutASampleFile_UsesOneBuiltFromTheCatalog()
    {
        var (exit, stdout, stderr) = await MirtAsync(RepoPaths.Root, "prompts", "render", "STATE_1_DISCOVERY");

        exit.Should().Be(0, stderr);
        stdout.Should().StartWith("--- system ---\n");
        stderr.Should().Contain("built from the catalog").And.Contain("llm/state/discovery");
    }

    [Fact]
    public async Task RenderTemplate_WithSample_PrintsTheTemplateRenderedWithTheSampleModel()
    {
        var (exit, stdout, stderr) = await MirtAsync(
            RepoPaths.Root, "prompts", "render", "STATE_3_SIZE_COLOR", "--template", "size/color_unavailable", "--sample", "prompts/samples/size_color.json");

        exit.Should().Be(0, stderr);
        stdout.Should().Be(
            "--- size/color_unavailable ---\n"
            + "Кольору «жовтий» у моделі Сукня «Анна», на жаль, немає.\n"
            + "Є такі: голубий, малина, чорний, червоний, шоколадний, рожевий, сірий. Який із них вам більше подобається?\n");
    }

    [Fact]
    public async Task RenderTemplate_AfterAnEdit_ShowsTheEditedText()
    {
        _prompts.Write("offer/made.hbs", "Супер!\n{{> offer_line}}\nБерете?");

        var (exit, stdout, stderr) = await MirtAsync(_prompts.Root, "prompts", "render", "STATE_4_OFFER", "--template", "offer/made", "--dir", "prompts");

        exit.Should().Be(0, stderr);
        stdout.Should().Be("--- offer/made ---\nСупер!\nСукня «Анна», колір рожевий, розмір 110-116 — 2 050 грн.\nБерете?\n");
    }

    [Fact]
    public async Task RenderTemplate_BrokenTemplates_ExitsOneListingTheProblems()
    {
        _prompts.Write("offer/made.hbs", "{{#each products}}");

        var (exit, _, stderr) = await MirtAsync(_prompts.Root, "prompts", "render", "STATE_4_OFFER", "--template", "offer/made", "--dir", "prompts");

        exit.Should().Be(1);
        stderr.Should().Contain("offer/made.hbs:1:1:").And.Contain("prompts lint");
    }

    [Fact]
    public async Task Serve_BrokenTemplateInProduction_FailsStartUpWithFileAndLine()
    {
        _prompts.Write("offer/reminder.hbs", "{{> offer_line}}\nОформлюємо? {{#unless color}}\n");
        var info = HostProcess.StartInfo(_dataDir, "serve");
        info.Environment["MIRT_PROMPTS_DIR"] = _prompts.Directory;
        info.Environment["MIRT_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var (exit, _, stderr) = await RunAsync(info);

        exit.Should().Be(2);
        stderr.Should().Contain("mirt: start-up failed").And.Contain("offer/reminder.hbs:2:13: '{{#unless}}' is never closed");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private Task<(int Exit, string Stdout, string Stderr)> MirtAsync(string workingDirectory, params string[] args)
    {
        var info = HostProcess.StartInfo(_dataDir, args);
        info.WorkingDirectory = workingDirectory;
        info.Environment.Remove("MIRT_PROMPTS_DIR");
        return RunAsync(info);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).Replace("\r\n", "\n", StringComparison.Ordinal), await stderr);
    }
}
