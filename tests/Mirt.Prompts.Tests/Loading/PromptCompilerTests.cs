using Mirt.Prompts.Loading;

namespace Mirt.Prompts.Tests.Loading;

public sealed class PromptCompilerTests
{
    [Fact]
    public void Compile_HandlebarsParserError_ReportsOneBasedLineFromHandlebars()
    {
        var problems = new ProblemCollector();
        var source = new PromptSource("offer/made.hbs", "offer/made", "a\nb\n{{money \"x}}");

        var compiled = PromptCompiler.Compile([source], new HashSet<string> { "offer/made" }, problems);

        compiled.Should().BeEmpty();
        var problem = problems.ToSortedList().Should().ContainSingle().Subject;
        problem.File.Should().Be("offer/made.hbs");
        problem.Line.Should().Be(3);
        problem.Column.Should().Be(13, "Handlebars.Net reports where it stopped reading: past the end of the 12-character line");
        problem.Message.Should().StartWith("the template does not compile (Reached end of template");
    }

    [Fact]
    public void Compile_ErrorWithoutLocation_ReportsLineOne()
    {
        var problems = new ProblemCollector();
        var source = new PromptSource("offer/made.hbs", "offer/made", "x\n{{#if a}}{{else}}{{else}}{{/if}}");

        PromptCompiler.Compile([source], new HashSet<string> { "offer/made" }, problems);

        problems.ToSortedList().Should().ContainSingle().Which.Line.Should().Be(1);
    }

    [Fact]
    public void Compile_FileWithSyntaxProblemAlreadyReported_AddsNoSecondProblem()
    {
        var problems = new ProblemCollector();
        problems.AddStructural("offer/made.hbs", new TextPosition(2, 1), "'{{#if}}' is never closed; add '{{/if}}' where the block ends");
        var source = new PromptSource("offer/made.hbs", "offer/made", "x\n{{#if a}}");

        PromptCompiler.Compile([source], new HashSet<string> { "offer/made" }, problems);

        problems.Count.Should().Be(1);
    }

    [Fact]
    public void Compile_BrokenPartial_ReportsPartialFile()
    {
        var problems = new ProblemCollector();
        var partial = new PromptSource("shared/sign.hbs", "shared/sign", "{{#if a}}");

        PromptCompiler.Compile([partial], new HashSet<string>(), problems);

        problems.ToSortedList().Should().ContainSingle().Which.File.Should().Be("shared/sign.hbs");
    }
}
