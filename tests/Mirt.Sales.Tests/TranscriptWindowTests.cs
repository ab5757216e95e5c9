using Mirt.Nodes.Abstractions.State;

namespace Mirt.Sales.Tests;

public sealed class TranscriptWindowTests
{
    private static List<TranscriptEntry> Lines(params string[] texts) =>
        texts.Select((t, i) => new TranscriptEntry(i % 2 == 0 ? TranscriptEntry.CustomerRole : TranscriptEntry.BotRole, t, DateTimeOffset.UnixEpoch)).ToList();

    [Fact]
    public void Apply_KeepsTheNewestLinesUpToTheCount()
    {
        var window = new TranscriptWindow(MaxLines: 2);

        window.Apply(Lines("a", "b", "c")).Select(e => e.Text).Should().Equal("b", "c");
    }

    [Fact]
    public void Apply_StopsBeforeTheByteBudget_ButAlwaysShowsTheNewestLine()
    {
        var window = new TranscriptWindow(MaxLines: 10, MaxBytes: 4);

        window.Apply(Lines("aa", "привіт", "bb")).Select(e => e.Text).Should().Equal("bb");
        window.Apply(Lines("довгий рядок")).Select(e => e.Text).Should().Equal("довгий рядок");
    }

    [Fact]
    public void Apply_ShortTranscript_ReturnsItWhole()
    {
        TranscriptWindow.Default.Apply(Lines("a", "b")).Select(e => e.Text).Should().Equal("a", "b");
        TranscriptWindow.Default.Apply([]).Should().BeEmpty();
    }
}
