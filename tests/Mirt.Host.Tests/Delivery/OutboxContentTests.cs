using System.Text;
using System.Text.Json;
using Mirt.Host.Delivery;

namespace Mirt.Host.Tests.Delivery;

public sealed class OutboxContentTests
{
    [Fact]
    public void Fold_BubblesThatFitTogether_JoinsThemWithABlankLine() =>
        OutboxContent.Fold(["Вітаю!", "Так, маємо сукні.", "Який зріст?"]).Should().Equal("Вітаю!\n\nТак, маємо сукні.\n\nЯкий зріст?");

    [Fact]
    public void Fold_OverTheByteLimit_StartsANewMessageAndNeverExceeds1000Bytes()
    {
        var cyrillic = new string('ж', 400); // 800 bytes of UTF-8, though only 400 characters
        var bubbles = new[] { "Вітаю!", cyrillic, cyrillic, "Який зріст?" };

        var folded = OutboxContent.Fold(bubbles);

        folded.Should().Equal("Вітаю!\n\n" + cyrillic, cyrillic + "\n\nЯкий зріст?");
        folded.Should().OnlyContain(m => Encoding.UTF8.GetByteCount(m) <= OutboxContent.MaxMessageBytes);
    }

    [Fact]
    public void Fold_ExactlyAtTheLimit_StaysOneMessage()
    {
        var first = new string('a', 499);
        var second = new string('b', 499); // 499 + 2 + 499 = 1000 bytes

        OutboxContent.Fold([first, second]).Should().Equal(first + "\n\n" + second);
        OutboxContent.Fold([first, second + "b"]).Should().Equal(first, second + "b");
    }

    [Fact]
    public void Fold_Nothing_IsNoMessage() => OutboxContent.Fold([]).Should().BeEmpty();

    [Fact]
    public void InlineAnswer_FoldOrSeparate_MatchesTheSetting()
    {
        var rows = new[] { OutboxContent.ForBubble("Вітаю!"), OutboxContent.ForBubble("Який зріст?") };

        Texts(OutboxContent.InlineAnswer(rows, fold: true)).Should().Equal("Вітаю!\n\nЯкий зріст?");
        Texts(OutboxContent.InlineAnswer(rows, fold: false)).Should().Equal("Вітаю!", "Який зріст?");
        Texts(OutboxContent.EmptyAnswer).Should().BeEmpty();
    }

    private static IReadOnlyList<string> Texts(string answerJson)
    {
        using var document = JsonDocument.Parse(answerJson);
        document.RootElement.GetProperty("version").GetString().Should().Be("v2");
        return [.. document.RootElement.GetProperty("content").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!)];
    }
}
