namespace Mirt.Prompts.Tests;

public sealed class PromptProblemTests
{
    [Fact]
    public void ToString_IsFileLineColumnMessage()
    {
        new PromptProblem("offer/made.hbs", 3, "unknown variable 'x'") { Column = 7 }.ToString()
            .Should().Be("offer/made.hbs:3:7: unknown variable 'x'");
    }

    [Fact]
    public void Column_DefaultsToOne()
    {
        new PromptProblem("offer/made.hbs", 1, "too big").Column.Should().Be(1);
    }
}
