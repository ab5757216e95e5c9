using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Mirt.Host.Prompts;
using Mirt.Host.Settings;
using Mirt.Testing;

namespace Mirt.Host.Tests;

public sealed class CheckoutPromptsTests : IDisposable
{
    private readonly PromptsCopy _checkout = new();

    public void Dispose() => _checkout.Dispose();

    [Fact]
    public void PreferCheckoutPrompts_DevelopmentInsideACheckout_UsesTheNearestPromptsAbove()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_checkout.Root, "src", "Mirt.Host")).FullName;

        var settings = Settings().PreferCheckoutPrompts(Environment(Environments.Development), nested);

        settings.PromptsDirectory.Should().Be(_checkout.Directory);
    }

    [Fact]
    public void PreferCheckoutPrompts_Production_KeepsTheDefaultResolution()
    {
        Settings().PreferCheckoutPrompts(Environment(Environments.Production), _checkout.Root).PromptsDirectory.Should().BeNull();
    }

    [Fact]
    public void PreferCheckoutPrompts_ConfiguredDirectory_Wins()
    {
        var settings = Settings("/srv/prompts").PreferCheckoutPrompts(Environment(Environments.Development), _checkout.Root);

        settings.PromptsDirectory.Should().Be("/srv/prompts");
    }

    private static MirtSettings Settings(string? prompts = null) =>
        MirtSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MIRT_PROMPTS_DIR"] = prompts })
            .Build());

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
