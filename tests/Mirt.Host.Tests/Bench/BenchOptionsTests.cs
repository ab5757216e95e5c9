using Mirt.Host.Bench;

namespace Mirt.Host.Tests.Bench;

public sealed class BenchOptionsTests
{
    [Fact]
    public void TryParse_NoArguments_Gives200ConversationsOf10TurnsOnSqlite()
    {
        BenchOptions.TryParse([], out var options, out _).Should().BeTrue();

        options.Should().Be(new BenchOptions(200, 10, null, null, null, 100, 8, 0));
    }

    [Fact]
    public void TryParse_EveryOption_IsRead()
    {
        BenchOptions.TryParse(
            ["--conversations", "4", "--turns", "3", "--postgres", "Host=db", "--model-latency", "lognormal:2000:8000", "--long", "300", "--warmup", "0", "--max-pool", "16", "--stored", "10000"],
            out var options,
            out var error).Should().BeTrue(error);

        options.Should().Be(new BenchOptions(4, 3, "Host=db", new LognormalLatency(2000, 8000), 300, 0, 16, 10000));
    }

    [Theory]
    [InlineData("--turns", "0", "--turns")]
    [InlineData("--conversations", "-1", "--conversations")]
    [InlineData("--max-pool", "0", "--max-pool")]
    [InlineData("--long", "x", "--long")]
    [InlineData("--postgres", " ", "--postgres")]
    [InlineData("--model-latency", "lognormal:9:1", "lognormal:MEDIAN_MS:P99_MS")]
    [InlineData("--stored", "-5", "--stored")]
    [InlineData("--stored", "many", "--stored")]
    [InlineData("--stored", "1e4", "--stored")]
    [InlineData("--threads", "4", "'--threads' is not a bench option")]
    public void TryParse_BadValue_NamesTheOption(string option, string value, string expected)
    {
        BenchOptions.TryParse([option, value], out var options, out var error).Should().BeFalse();

        options.Should().BeNull();
        error.Should().Contain(expected);
    }

    [Fact]
    public void TryParse_StoredZero_SeedsNothing()
    {
        BenchOptions.TryParse(["--stored", "0"], out var options, out var error).Should().BeTrue(error);

        options!.Stored.Should().Be(0);
    }

    [Fact]
    public void TryParse_OptionWithoutValue_SaysItNeedsOne()
    {
        BenchOptions.TryParse(["--turns"], out _, out var error).Should().BeFalse();

        error.Should().Be("--turns needs a value.");
    }
}
