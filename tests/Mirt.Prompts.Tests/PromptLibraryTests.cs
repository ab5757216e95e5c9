using System.Collections.Concurrent;
using Mirt.Prompts.Tests.Fixtures;
using Mirt.Prompts.Tests.Support;

namespace Mirt.Prompts.Tests;

/// <summary>Loading and rendering that works; see the Validation part for what Load refuses.</summary>
public sealed partial class PromptLibraryTests : IDisposable
{
    private static readonly TemplateDescriptor Offer = new("offer/made", typeof(OfferModel));
    private readonly TempPromptDirectory _prompts = new();

    public void Dispose() => _prompts.Dispose();

    [Fact]
    public void Load_ValidTemplatesWithNestedModelAndList_RendersCamelCaseText()
    {
        _prompts.Write("offer/made.hbs", """
            {{customer.fullName}}, пропоную {{productName}}:
            {{#each products}}
            {{@index}}. {{name}} — {{priceUah}} грн × {{quantity}}
            {{/each}}
            """);

        var text = Load(Offer).Render("offer/made", OfferModel.Sample);

        text.Should().Be("Олена Коваль, пропоную Сукня Мирт:\n0. Сукня — 1500 грн × 1\n1. Пояс — 550 грн × 2");
    }

    [Fact]
    public void Render_PartialFromShared_RendersInCurrentContext()
    {
        _prompts
            .Write("shared/persona_sign.hbs", "З любов'ю, {{customer.fullName}} & Мирт <3")
            .Write("offer/made.hbs", "Дякуємо!\n{{> persona_sign}}");

        Load(Offer).Render("offer/made", OfferModel.Sample).Should().Be("Дякуємо!\nЗ любов'ю, Олена Коваль & Мирт <3");
    }

    [Fact]
    public void Render_Output_TrimsLinesAndCollapsesBlankLines()
    {
        _prompts.Write("offer/made.hbs", "\n\n  Привіт   \n\n\n\n{{productName}}  \n{{#if isVip}}\n\n\n{{/if}}\nКінець\n\n");

        Load(Offer).Render("offer/made", OfferModel.Sample).Should().Be("Привіт\n\nСукня Мирт\n\nКінець");
    }

    [Fact]
    public void Render_UnknownName_ThrowsKeyNotFoundExceptionNamingTemplate()
    {
        _prompts.Write("offer/made.hbs", "{{productName}}");

        var render = () => Load(Offer).Render("offer/mad", OfferModel.Sample);

        render.Should().Throw<KeyNotFoundException>().WithMessage("*'offer/mad'*TemplateDescriptor*offer/made*");
    }

    [Fact]
    public void Render_WrongModelType_ThrowsArgumentException()
    {
        _prompts.Write("offer/made.hbs", "{{productName}}");

        var render = () => Load(Offer).Render("offer/made", new GreetingModel("Мирт"));

        render.Should().Throw<ArgumentException>().WithMessage("*OfferModel*GreetingModel*");
    }

    [Fact]
    public void Render_ManyThreadsAtOnce_ProduceSameOutput()
    {
        _prompts
            .Write("shared/persona_sign.hbs", "— {{customer.fullName}}")
            .Write("offer/made.hbs", "{{#each products}}{{name}} {{money priceUah}}\n{{/each}}{{> persona_sign}}");
        var library = Load(Offer);
        var expected = library.Render("offer/made", OfferModel.Sample);
        var outputs = new ConcurrentBag<string>();

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => outputs.Add(library.Render("offer/made", OfferModel.Sample)));

        outputs.Should().HaveCount(2000).And.OnlyContain(text => text == expected);
        expected.Should().Be("Сукня 1 500\nПояс 550\n— Олена Коваль");
    }

    [Fact]
    public void Names_AfterLoad_ListsDescribedTemplatesOnly()
    {
        _prompts
            .Write("offer/made.hbs", "{{productName}}")
            .Write("greeting/hello.hbs", "Вітаємо в {{shopName}}")
            .Write("drafts/old.hbs", "{{whatever}}")
            .Write("shared/persona_sign.hbs", "Мирт");

        var library = Load(Offer, new TemplateDescriptor("greeting/hello", typeof(GreetingModel)));

        library.Names.Should().BeEquivalentTo("offer/made", "greeting/hello");
    }

    [Fact]
    public void Load_SharedPartialAskedForAsTemplate_RendersIt()
    {
        _prompts.Write("shared/persona_sign.hbs", "Ваш {{shopName}}");

        var library = Load(new TemplateDescriptor("shared/persona_sign", typeof(GreetingModel)));

        library.Render("shared/persona_sign", new GreetingModel("Мирт")).Should().Be("Ваш Мирт");
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsDirectoryNotFoundException()
    {
        var load = () => PromptLibrary.Load(Path.Combine(_prompts.Path, "nope"), [Offer]);

        load.Should().Throw<DirectoryNotFoundException>().WithMessage("*nope*does not exist*");
    }

    [Fact]
    public void Load_DuplicateDescriptor_ThrowsArgumentException()
    {
        _prompts.Write("offer/made.hbs", "{{productName}}");

        var load = () => PromptLibrary.Load(_prompts.Path, [Offer, Offer with { ModelType = typeof(GreetingModel) }]);

        load.Should().Throw<ArgumentException>().WithMessage("The template 'offer/made' is described twice*");
    }

    private PromptLibrary Load(params TemplateDescriptor[] templates) => PromptLibrary.Load(_prompts.Path, templates);
}
