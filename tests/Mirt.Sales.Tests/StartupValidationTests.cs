using Mirt.Prompts;
using Mirt.Sales.Assistant;
using Mirt.Sales.Storage;
using Mirt.Testing;

namespace Mirt.Sales.Tests;

public sealed class StartupValidationTests : IDisposable
{
    private readonly string _prompts = CopyPrompts();

    [Fact]
    public async Task CreateAsync_TemplateWithUnknownVariable_FailsWithFileAndLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_prompts, "offer", "made.hbs"), "Line one\n{{productName}}\n{{prodctName}}\n");

        var act = () => SalesAssistant.CreateAsync(Options());

        (await act.Should().ThrowAsync<PromptValidationException>())
            .Which.Message.Should().Contain("offer/made.hbs:3").And.Contain("prodctName");
    }

    [Fact]
    public async Task CreateAsync_MissingTemplate_FailsNamingIt()
    {
        File.Delete(Path.Combine(_prompts, "payment", "requisites.hbs"));

        var act = () => SalesAssistant.CreateAsync(Options());

        (await act.Should().ThrowAsync<PromptValidationException>()).Which.Message.Should().Contain("payment/requisites");
    }

    [Fact]
    public void Descriptors_CoverEveryTemplateOnDisk()
    {
        var onDisk = Directory.GetFiles(RepoPaths.Prompts, "*.hbs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Prompts, f).Replace('\\', '/')[..^4])
            .Where(n => !n.StartsWith("shared/", StringComparison.Ordinal));

        Mirt.Sales.Prompts.PromptReplyRenderer.Descriptors.Select(d => d.Name).Should().BeEquivalentTo(onDisk);
    }

    public void Dispose() => Directory.Delete(_prompts, recursive: true);

    private SalesAssistantOptions Options() => new() { Store = StoreKind.InMemory, PromptsDirectory = _prompts };

    private static string CopyPrompts()
    {
        var target = Directory.CreateTempSubdirectory("mirt-prompts-").FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Prompts, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(RepoPaths.Prompts, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
