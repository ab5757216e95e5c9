using Mirt.Rules.Text;

namespace Mirt.Rules.Tests.Text;

public sealed class KeywordSetTests
{
    private static readonly KeywordSet Complaint = new(["проблем*", "брак"], ["без проблем*", "нема проблем*"]);

    [Theory]
    [InlineData("У мене проблема з замовленням")]
    [InlineData("Брак!")]
    [InlineData("Без проблем, але є проблема")]
    [InlineData("ПРОБЛЕМИ з доставкою")]
    public void Matches_PatternOutsideExclusions_ReturnsTrue(string text)
    {
        Complaint.Matches(TokenizedText.From(text)).Should().BeTrue();
    }

    [Theory]
    [InlineData("Дякую, без проблем, я ще подумаю")]
    [InlineData("Нема проблем")]
    [InlineData("без проблемм")]
    [InlineData("бракує розміру")]
    [InlineData("")]
    public void Matches_OnlyInsideExclusionsOrNothing_ReturnsFalse(string text)
    {
        Complaint.Matches(TokenizedText.From(text)).Should().BeFalse();
    }

    [Fact]
    public void FindFirst_SeveralHits_ReturnsEarliestWithPosition()
    {
        var set = new KeywordSet(["нов* пошт*", "доставк*"]);

        var hit = set.FindFirst(TokenizedText.From("Доставка новою поштою"));

        hit.Should().Be(new KeywordHit("доставк*", 0, 1));
    }

    [Fact]
    public void FindFirst_PhraseHit_ReportsSpan()
    {
        var set = new KeywordSet(["нов* пошт*"]);

        var hit = set.FindFirst(TokenizedText.From("Київ, нова пошта 5"));

        hit.Should().Be(new KeywordHit("нов* пошт*", 1, 2));
    }

    [Fact]
    public void FindFirst_HitOverlapsExclusionPartly_IsIgnored()
    {
        var set = new KeywordSet(["і ще"], ["ще питання"]);

        set.FindFirst(TokenizedText.From("і ще питання")).Should().BeNull();
        set.FindFirst(TokenizedText.From("і ще одну")).Should().NotBeNull();
    }

    [Fact]
    public void Empty_AnyText_NeverMatches()
    {
        KeywordSet.Empty.Matches(TokenizedText.From("так ні брак")).Should().BeFalse();
    }

    [Fact]
    public void Constructor_MalformedPattern_Throws()
    {
        var create = () => new KeywordSet(["ok", "*"]);

        create.Should().Throw<ArgumentException>();
    }
}
