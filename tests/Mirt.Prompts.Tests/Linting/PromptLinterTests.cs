using Mirt.Prompts.Tests.Fixtures;
using Mirt.Prompts.Tests.Support;

namespace Mirt.Prompts.Tests.Linting;

public sealed class PromptLinterTests : IDisposable
{
    private const string Rule = "Ніколи не обіцяй доставку швидше ніж за два дні.";
    private static readonly TemplateDescriptor Offer = new("offer/made", typeof(OfferModel));
    private static readonly TemplateDescriptor Hello = new("greeting/hello", typeof(GreetingModel));
    private readonly TempPromptDirectory _prompts = new();

    public void Dispose() => _prompts.Dispose();

    [Fact]
    public void Lint_CleanDirectory_ReportsNothing()
    {
        _prompts
            .Write("shared/delivery_rule.hbs", Rule)
            .Write("offer/made.hbs", "{{productName}} за {{money priceUah}} грн.\n{{> delivery_rule}}")
            .Write("greeting/hello.hbs", "Вітаємо в {{shopName}}!\n{{> delivery_rule}}");

        PromptLinter.Lint(_prompts.Path, [Offer, Hello]).Should().BeEmpty();
    }

    [Fact]
    public void Lint_TemplateOverSizeBudget_ReportsSizeWithPartials()
    {
        _prompts
            .Write("shared/long.hbs", new string('я', 60))
            .Write("offer/made.hbs", "{{productName}}\n{{> long}}");

        var problems = PromptLinter.Lint(_prompts.Path, [Offer], new PromptLintOptions { MaxTemplateBytes = 100 });

        problems.Should().Equal(
            new PromptProblem("offer/made.hbs", 1, "the template is 146 UTF-8 bytes with its partials, over the budget of 100; shorten it or split it into smaller templates"),
            new PromptProblem("shared/long.hbs", 1, "the template is 120 UTF-8 bytes with its partials, over the budget of 100; shorten it or split it into smaller templates"));
    }

    [Fact]
    public void Lint_TemplateBudgets_ReplaceTheDefaultByNameOrFolder()
    {
        _prompts
            .Write("offer/made.hbs", new string('a', 150))
            .Write("greeting/hello.hbs", new string('b', 150))
            .Write("shared/long.hbs", new string('c', 150));
        var options = new PromptLintOptions
        {
            MaxTemplateBytes = 100,
            TemplateBudgets = new Dictionary<string, int> { ["offer/"] = 200, ["shared/"] = 120 },
        };

        var problems = PromptLinter.Lint(_prompts.Path, [Offer, Hello], options);

        problems.Select(p => p.File).Should().Equal("greeting/hello.hbs", "shared/long.hbs");
        problems[1].Message.Should().Contain("over the budget of 120");
    }

    [Fact]
    public void Lint_NonPositiveTemplateBudget_Throws()
    {
        var options = new PromptLintOptions { TemplateBudgets = new Dictionary<string, int> { ["llm/"] = 0 } };

        var lint = () => PromptLinter.Lint(_prompts.Path, [Offer], options);

        lint.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Contain("llm/");
    }

    [Fact]
    public void Lint_DefaultBudget_Allows1800Bytes()
    {
        _prompts.Write("offer/made.hbs", new string('a', 1800)).Write("greeting/hello.hbs", new string('b', 1801));

        var problems = PromptLinter.Lint(_prompts.Path, [Offer, Hello]);

        problems.Should().ContainSingle().Which.File.Should().Be("greeting/hello.hbs");
    }

    [Fact]
    public void Lint_LineDuplicatedInTwoFiles_ReportsBothPlaces()
    {
        _prompts
            .Write("offer/made.hbs", $"{{{{productName}}}}\n  {Rule}  ")
            .Write("greeting/hello.hbs", $"Вітаємо!\n\n{Rule}\n");

        var problems = PromptLinter.Lint(_prompts.Path, [Offer, Hello]);

        problems.Should().Equal(
            new PromptProblem("greeting/hello.hbs", 3, "this line is repeated in offer/made.hbs:2; move shared text into a partial in shared/"),
            new PromptProblem("offer/made.hbs", 2, "this line is repeated in greeting/hello.hbs:3; move shared text into a partial in shared/") { Column = 3 });
    }

    [Fact]
    public void Lint_ShortOrTagOnlyOrSameFileRepeats_AreNotDuplicates()
    {
        const string tags = "{{#each products}}{{name}} {{money priceUah}}{{/each}}";
        _prompts
            .Write("offer/made.hbs", $"{{{{productName}}}}\nДякуємо за замовлення!\n{tags}\n{Rule}\n{Rule}")
            .Write("offer/again.hbs", $"Дякуємо за замовлення!\n{tags}");

        var problems = PromptLinter.Lint(_prompts.Path, [Offer, Offer with { Name = "offer/again" }]);

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Lint_FileNoDescriptorNames_ReportsUnusedTemplateButNotPartials()
    {
        _prompts
            .Write("offer/made.hbs", "{{productName}}")
            .Write("offer/old.hbs", "Стара версія")
            .Write("shared/persona_sign.hbs", "Мирт");

        var problems = PromptLinter.Lint(_prompts.Path, [Offer]);

        problems.Should().ContainSingle().Which.Should().Be(new PromptProblem(
            "offer/old.hbs", 1, "unused template: no TemplateDescriptor names 'offer/old'; add one, move the file to shared/ if it is a partial, or delete it"));
    }

    [Fact]
    public void Lint_LoadProblems_AreReportedWithoutThrowing()
    {
        _prompts.Write("offer/made.hbs", "a\nb\n{{prodctName}}");

        var problems = PromptLinter.Lint(_prompts.Path, [Offer, Hello]);

        problems.Select(p => $"{p.File}:{p.Line}").Should().Equal("greeting/hello.hbs:1", "offer/made.hbs:3");
    }

    [Fact]
    public void Lint_NonPositiveBudget_ThrowsArgumentOutOfRangeException()
    {
        var lint = () => PromptLinter.Lint(_prompts.Path, [Offer], new PromptLintOptions { MaxTemplateBytes = 0 });

        lint.Should().Throw<ArgumentOutOfRangeException>();
    }
}
