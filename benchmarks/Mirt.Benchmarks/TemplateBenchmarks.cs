using BenchmarkDotNet.Attributes;
using Mirt.Nodes.Offer;
using Mirt.Nodes.Offer.Models;
using Mirt.Sales.Prompts;

namespace Mirt.Benchmarks;

/// <summary>Renders the offer template from the repository's prompts (run from the repository root).</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private PromptReplyRenderer _renderer = null!;
    private OfferModel _model = null!;

    /// <summary>Loads and validates every template once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _renderer = PromptReplyRenderer.Load(PromptsDirectory.Resolve(null));
        _model = new OfferModel("Anna", "dresses", "110-116", "pink", null, 2050m);
    }

    /// <summary>Renders the offer reply.</summary>
    /// <returns>The text.</returns>
    [Benchmark(Description = "render offer/made")]
    public string RenderOffer() => _renderer.Render(OfferTemplates.Made, _model);
}
