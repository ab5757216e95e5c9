using Mirt.Prompts.Tests.Fixtures;

namespace Mirt.Prompts.Tests;

/// <summary>What <see cref="PromptLibrary.Load"/> refuses, and where it says the problem is.</summary>
public sealed partial class PromptLibraryTests
{
    [Fact]
    public void Load_MissingTemplateFile_ThrowsNamingTemplate()
    {
        _prompts.Write("greeting/hello.hbs", "Привіт");

        var problems = LoadProblems(Offer);

        problems.Should().ContainSingle().Which.Should().Be(new PromptProblem(
            "offer/made.hbs", 1, "the template 'offer/made' has no file; create offer/made.hbs or remove its TemplateDescriptor"));
    }

    [Fact]
    public void Load_CompileError_ReportsFileAndLine()
    {
        _prompts.Write("offer/made.hbs", "Привіт\n{{productName}}\n{{money \"x}}\nкінець");

        var problem = LoadProblems(Offer).Should().ContainSingle().Subject;

        problem.File.Should().Be("offer/made.hbs");
        problem.Line.Should().Be(3);
    }

    [Fact]
    public void Load_UnclosedBlock_ReportsLineOfOpeningTag()
    {
        _prompts.Write("offer/made.hbs", "Привіт\n{{#if isVip}}\nVIP\n");

        var problem = LoadProblems(Offer).Should().ContainSingle().Subject;

        problem.Should().Be(new PromptProblem("offer/made.hbs", 2, "'{{#if}}' is never closed; add '{{/if}}' where the block ends"));
    }

    [Fact]
    public void Load_UnknownVariable_ReportsFileAndLine()
    {
        _prompts.Write("offer/made.hbs", "Вітаю, {{customer.fullName}}!\n\nОсь {{prodctName}} за {{money priceUah}} грн.\n");

        var exception = Assert.Throws<PromptValidationException>(() => PromptLibrary.Load(_prompts.Path, [Offer]));

        exception.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = "offer/made.hbs", Line = 3, Column = 5 });
        exception.Problems[0].Message.Should().StartWith("unknown variable 'prodctName' for model OfferModel (known: productName, priceUah, customer");
        exception.Message.Should().Contain("offer/made.hbs:3:5: unknown variable 'prodctName'");
    }

    [Fact]
    public void Load_UnknownVariableInsideEach_ResolvedAgainstElementType()
    {
        _prompts.Write("offer/made.hbs", "{{#each products}}\n{{name}}\n{{productName}}\n{{/each}}");

        var problem = LoadProblems(Offer).Should().ContainSingle().Subject;

        problem.Line.Should().Be(3);
        problem.Message.Should().StartWith("unknown variable 'productName' for model OfferLine (known: name, priceUah, quantity)");
    }

    [Fact]
    public void Load_ParentAccessInsideEach_IsValid()
    {
        _prompts.Write("offer/made.hbs", "{{#each products}}{{#if @first}}{{name}} для {{../customer.fullName}}{{/if}}{{/each}}");

        PromptLibrary.Load(_prompts.Path, [Offer]).Render("offer/made", OfferModel.Sample).Should().Be("Сукня для Олена Коваль");
    }

    [Fact]
    public void Load_MismatchedClosingBlock_ReportsLineOfClosingTag()
    {
        _prompts.Write("offer/made.hbs", "{{#each products}}\n{{#if quantity}}\n{{name}}\n{{/each}}\n{{/if}}");

        var problems = LoadProblems(Offer);

        problems.Should().Contain(new PromptProblem(
            "offer/made.hbs", 4, "'{{/each}}' does not match '{{#if}}' opened on line 2; close 'if' first"));
    }

    [Fact]
    public void Load_MissingPartial_ReportsPartialNameAndLine()
    {
        _prompts
            .Write("shared/persona_sign.hbs", "Мирт")
            .Write("offer/made.hbs", "{{productName}}\n{{> persona_sing}}");

        var problem = LoadProblems(Offer).Should().ContainSingle().Subject;

        problem.Should().Be(new PromptProblem(
            "offer/made.hbs", 2, "unknown partial 'persona_sing'; add shared/persona_sing.hbs or fix the name (known: persona_sign)"));
    }

    [Fact]
    public void Load_UnknownVariableInPartial_ReportsPartialFileAndIncludingTemplate()
    {
        _prompts
            .Write("shared/persona_sign.hbs", "Мирт\n{{customer.fulName}}")
            .Write("offer/made.hbs", "{{productName}}\n{{> persona_sign}}");

        var problem = LoadProblems(Offer).Should().ContainSingle().Subject;

        problem.File.Should().Be("shared/persona_sign.hbs");
        problem.Line.Should().Be(2);
        problem.Message.Should().Be(
            "unknown variable 'customer.fulName' for model CustomerModel (known: fullName, phone) (included from offer/made.hbs:2)");
    }

    [Fact]
    public void Load_SeveralProblemsInSeveralFiles_ReportsAllInOneException()
    {
        _prompts
            .Write("offer/made.hbs", "{{prodctName}}\n{{#each tags}}{{this}}{{/each}}\n{{mony priceUah}}")
            .Write("greeting/hello.hbs", "{{#if shopName}}");

        var exception = Assert.Throws<PromptValidationException>(() => PromptLibrary.Load(
            _prompts.Path, [Offer, new TemplateDescriptor("greeting/hello", typeof(GreetingModel))]));

        exception.Problems.Select(p => $"{p.File}:{p.Line}").Should().Equal("greeting/hello.hbs:1", "offer/made.hbs:1", "offer/made.hbs:3");
        exception.Message.Should().StartWith("The prompt templates have 3 problem(s)");
    }

    [Fact]
    public void Load_UndescribedTemplateFile_IsAllowed()
    {
        _prompts
            .Write("offer/made.hbs", "{{productName}}")
            .Write("drafts/idea.hbs", "{{anything.at.all}}");

        PromptLibrary.Load(_prompts.Path, [Offer]).Names.Should().Equal("offer/made");
    }

    private List<PromptProblem> LoadProblems(params TemplateDescriptor[] templates)
    {
        var exception = Assert.Throws<PromptValidationException>(() => PromptLibrary.Load(_prompts.Path, templates));
        return [.. exception.Problems];
    }
}
