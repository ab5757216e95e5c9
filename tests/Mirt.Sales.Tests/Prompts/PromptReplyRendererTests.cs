using Mirt.Nodes.Offer;
using Mirt.Nodes.Offer.Models;
using Mirt.Sales.Prompts;
using Mirt.Testing;

namespace Mirt.Sales.Tests.Prompts;

public sealed class PromptReplyRendererTests : IDisposable
{
    private const string Template = "offer/made.hbs";
    private static readonly OfferModel Offer = new("Сукня «Анна»", "сукні", "110-116", "рожевий", null, 2050m);
    private readonly PromptsCopy _prompts = new();

    public void Dispose() => _prompts.Dispose();

    [Fact]
    public void Reload_CleanEdit_SwapsTheTemplatesIn()
    {
        var renderer = PromptReplyRenderer.Load(_prompts.Directory);
        _prompts.Write(Template, "Супер! {{> offer_line}}");

        var result = renderer.Reload();

        result.Applied.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.TemplateCount.Should().Be(PromptReplyRenderer.Descriptors.Count);
        renderer.Render(OfferTemplates.Made, Offer).Should().Be("Супер! Сукня «Анна», колір рожевий, розмір 110-116 — 2 050 грн.");
    }

    [Fact]
    public void Reload_BrokenEdit_KeepsThePreviousTemplatesAndReportsFileLineColumn()
    {
        var renderer = PromptReplyRenderer.Load(_prompts.Directory);
        var before = renderer.Render(OfferTemplates.Made, Offer);
        _prompts.Write(Template, "Супер!\n {{prodctName}}");

        var result = renderer.Reload();

        result.Applied.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("offer/made.hbs:2:2: unknown variable 'prodctName'");
        renderer.Render(OfferTemplates.Made, Offer).Should().Be(before);
    }

    [Fact]
    public void Reload_ProblemOnlyLintFinds_IsRejectedToo()
    {
        var renderer = PromptReplyRenderer.Load(_prompts.Directory);
        var copied = _prompts.Read("shared/payment_terms.hbs").Split('\n')[1];
        _prompts.Write(Template, "{{> offer_line}}\n" + copied.Replace("totalUah", "priceUah", StringComparison.Ordinal));
        _prompts.Write("offer/reminder.hbs", "{{> offer_line}}\n" + copied.Replace("totalUah", "priceUah", StringComparison.Ordinal));

        var result = renderer.Reload();

        result.Applied.Should().BeFalse();
        result.Problems.Select(p => p.File).Should().Equal(Template, "offer/reminder.hbs");
        result.Problems[0].Message.Should().StartWith("this line is repeated in offer/reminder.hbs:2");
        renderer.Render(OfferTemplates.Made, Offer).Should().StartWith("Чудовий вибір!");
    }

    [Fact]
    public async Task Render_DuringReloads_AlwaysGivesOneWholeTemplateSet()
    {
        var renderer = PromptReplyRenderer.Load(_prompts.Directory);
        var original = renderer.Render(OfferTemplates.Made, Offer);
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                seen.Add(renderer.Render(OfferTemplates.Made, Offer));
            }
        })).ToArray();

        for (var i = 0; i < 20; i++)
        {
            _prompts.Write(Template, i % 2 == 0 ? "A {{productName}}" : "B {{size}}");
            renderer.Reload().Applied.Should().BeTrue();
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        seen.Distinct().Should().BeSubsetOf([original, "A Сукня «Анна»", "B 110-116"]);
        renderer.Render(OfferTemplates.Made, Offer).Should().Be("B 110-116");
    }
}
