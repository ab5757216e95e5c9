using Microsoft.Extensions.Configuration;
using Mirt.Host.Delivery;

namespace Mirt.Host.Tests.Delivery;

public sealed class DeliverySettingsTests
{
    public static TheoryData<string> MillisecondSettings => new()
    {
        "MIRT_REPLY_DEADLINE_MS", "MIRT_PHOTO_REPLY_DEADLINE_MS", "MIRT_INTERIM_DELAY_MS", "MIRT_PHOTO_INTERIM_DELAY_MS",
        "MIRT_RESPONSE_WAIT_MS", "MIRT_DEBOUNCE_MS", "MIRT_DEDUP_WINDOW_MS", "MIRT_TURN_LEASE_MS", "MIRT_PUSH_LEASE_MS",
        "MIRT_DELIVERY_POLL_MS", "MIRT_TYPING_MS_PER_CHAR", "MIRT_TYPING_MAX_MS", "MIRT_FOLLOWUP_AFTER_MS",
        "MIRT_FOLLOWUP_MARGIN_MS", "MIRT_FOLLOWUP_SCAN_MS", "MIRT_SHUTDOWN_DRAIN_MS", "MIRT_SHUTDOWN_TIMEOUT_MS",
    };

    // Zero turns these features off; everywhere else zero is refused.
    public static TheoryData<string> ZeroTurnsOff => new()
    {
        "MIRT_INTERIM_DELAY_MS", "MIRT_PHOTO_INTERIM_DELAY_MS", "MIRT_DEBOUNCE_MS", "MIRT_DEDUP_WINDOW_MS",
        "MIRT_TYPING_MS_PER_CHAR", "MIRT_TYPING_MAX_MS", "MIRT_FOLLOWUP_MARGIN_MS", "MIRT_SHUTDOWN_DRAIN_MS",
    };

    public static TheoryData<string> ZeroRefused => new()
    {
        "MIRT_REPLY_DEADLINE_MS", "MIRT_PHOTO_REPLY_DEADLINE_MS", "MIRT_RESPONSE_WAIT_MS", "MIRT_TURN_LEASE_MS",
        "MIRT_PUSH_LEASE_MS", "MIRT_DELIVERY_POLL_MS", "MIRT_FOLLOWUP_AFTER_MS", "MIRT_FOLLOWUP_SCAN_MS",
        "MIRT_SHUTDOWN_TIMEOUT_MS",
    };

    [Fact]
    public void From_NothingSet_GivesTheDocumentedDefaults()
    {
        var s = DeliverySettings.From(Configuration([]));

        s.Mode.Should().Be(ReplyMode.Hybrid);
        s.ReplyDeadline.Should().Be(TimeSpan.FromSeconds(8));
        s.PhotoReplyDeadline.Should().Be(TimeSpan.FromSeconds(4));
        s.InterimDelay.Should().Be(TimeSpan.FromSeconds(10));
        s.PhotoInterimDelay.Should().Be(TimeSpan.FromSeconds(20));
        s.ResponseWait.Should().Be(TimeSpan.FromSeconds(25));
        s.Debounce.Should().Be(TimeSpan.FromMilliseconds(1_500));
        s.DedupWindow.Should().Be(TimeSpan.FromSeconds(10));
        s.TurnLease.Should().Be(TimeSpan.FromSeconds(15));
        s.PushLease.Should().Be(TimeSpan.FromSeconds(30));
        s.Poll.Should().Be(TimeSpan.FromMilliseconds(250));
        s.TurnAttempts.Should().Be(3);
        s.FoldInlineBubbles.Should().BeTrue();
        s.TypingPerCharacter.Should().Be(TimeSpan.FromMilliseconds(20));
        s.TypingMax.Should().Be(TimeSpan.FromMilliseconds(1_500));
        s.FollowUpStates.Should().Equal("STATE_3_SIZE_COLOR", "STATE_4_OFFER", "STATE_5_PAYMENT_DELIVERY");
        s.FollowUpAfter.Should().Be(TimeSpan.FromHours(2));
        s.FollowUpMargin.Should().Be(TimeSpan.FromHours(1));
        s.FollowUpScan.Should().Be(TimeSpan.FromMinutes(1));
        s.ShutdownDrain.Should().Be(TimeSpan.FromSeconds(3));
        s.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(25));
        s.AdminToken.Should().BeNull();
        s.HandoffTag.Should().Be("needs_human");
        s.HandoffFields.Should().Be(("mirt_state", "mirt_intent"));
    }

    [Fact]
    public void From_EverySettingSet_ReadsEach()
    {
        var s = DeliverySettings.From(Configuration(new()
        {
            ["MIRT_REPLY_MODE"] = " Response ",
            ["MIRT_REPLY_DEADLINE_MS"] = "12000",
            ["MIRT_PHOTO_REPLY_DEADLINE_MS"] = "3000",
            ["MIRT_INTERIM_DELAY_MS"] = "0",
            ["MIRT_PHOTO_INTERIM_DELAY_MS"] = "30000",
            ["MIRT_RESPONSE_WAIT_MS"] = "9000",
            ["MIRT_DEBOUNCE_MS"] = "0",
            ["MIRT_DEDUP_WINDOW_MS"] = "5000",
            ["MIRT_TURN_LEASE_MS"] = "20000",
            ["MIRT_PUSH_LEASE_MS"] = "40000",
            ["MIRT_DELIVERY_POLL_MS"] = "100",
            ["MIRT_TURN_ATTEMPTS"] = "5",
            ["MIRT_INLINE_BUBBLES"] = "SEPARATE",
            ["MIRT_TYPING_MS_PER_CHAR"] = "10",
            ["MIRT_TYPING_MAX_MS"] = "900",
            ["MIRT_FOLLOWUP_STATES"] = " STATE_4_OFFER , STATE_5_PAYMENT_DELIVERY ,",
            ["MIRT_FOLLOWUP_AFTER_MS"] = "3600000",
            ["MIRT_FOLLOWUP_MARGIN_MS"] = "0",
            ["MIRT_FOLLOWUP_SCAN_MS"] = "30000",
            ["MIRT_SHUTDOWN_DRAIN_MS"] = "1000",
            ["MIRT_SHUTDOWN_TIMEOUT_MS"] = "20000",
            ["MIRT_ADMIN_TOKEN"] = "operator-secret",
            ["MIRT_HANDOFF_TAG"] = "human",
            ["MIRT_STATE_FIELD"] = "bot_state",
            ["MIRT_INTENT_FIELD"] = "bot_intent",
        }));

        s.Mode.Should().Be(ReplyMode.Response);
        s.ReplyDeadline.Should().Be(TimeSpan.FromSeconds(12), "response mode has no inline deadline to respect");
        s.PhotoReplyDeadline.Should().Be(TimeSpan.FromSeconds(3));
        s.InterimDelay.Should().Be(TimeSpan.Zero);
        s.PhotoInterimDelay.Should().Be(TimeSpan.FromSeconds(30));
        s.ResponseWait.Should().Be(TimeSpan.FromSeconds(9));
        s.Debounce.Should().Be(TimeSpan.Zero);
        s.DedupWindow.Should().Be(TimeSpan.FromSeconds(5));
        s.TurnLease.Should().Be(TimeSpan.FromSeconds(20));
        s.PushLease.Should().Be(TimeSpan.FromSeconds(40));
        s.Poll.Should().Be(TimeSpan.FromMilliseconds(100));
        s.TurnAttempts.Should().Be(5);
        s.FoldInlineBubbles.Should().BeFalse();
        s.TypingPerCharacter.Should().Be(TimeSpan.FromMilliseconds(10));
        s.TypingMax.Should().Be(TimeSpan.FromMilliseconds(900));
        s.FollowUpStates.Should().Equal("STATE_4_OFFER", "STATE_5_PAYMENT_DELIVERY");
        s.FollowUpAfter.Should().Be(TimeSpan.FromHours(1));
        s.FollowUpMargin.Should().Be(TimeSpan.Zero);
        s.FollowUpScan.Should().Be(TimeSpan.FromSeconds(30));
        s.ShutdownDrain.Should().Be(TimeSpan.FromSeconds(1));
        s.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(20));
        s.AdminToken.Should().Be("operator-secret");
        s.HandoffTag.Should().Be("human");
        s.HandoffFields.Should().Be(("bot_state", "bot_intent"));
    }

    [Theory]
    [InlineData("push", ReplyMode.Push)]
    [InlineData("HYBRID", ReplyMode.Hybrid)]
    [InlineData("", ReplyMode.Hybrid)]
    public void From_Mode_ReadsCaseInsensitively(string value, ReplyMode mode) =>
        DeliverySettings.From(Configuration(new() { ["MIRT_REPLY_MODE"] = value })).Mode.Should().Be(mode);

    [Fact]
    public void From_FollowUpStatesNone_TurnsFollowUpsOffAndSkipsTheWindowCheck()
    {
        var s = DeliverySettings.From(Configuration(new() { ["MIRT_FOLLOWUP_STATES"] = "None", ["MIRT_FOLLOWUP_AFTER_MS"] = "86400000" }));

        s.FollowUpStates.Should().BeEmpty();
    }

    [Theory]
    [InlineData("MIRT_REPLY_MODE", "inline", "*MIRT_REPLY_MODE*'inline'*hybrid*response*push*")]
    [InlineData("MIRT_INLINE_BUBBLES", "merge", "*MIRT_INLINE_BUBBLES*'merge'*fold*separate*")]
    [InlineData("MIRT_TURN_ATTEMPTS", "0", "*MIRT_TURN_ATTEMPTS*'0'*1 to 10*")]
    [InlineData("MIRT_TURN_ATTEMPTS", "11", "*MIRT_TURN_ATTEMPTS*'11'*1 to 10*")]
    [InlineData("MIRT_TURN_ATTEMPTS", "three", "*MIRT_TURN_ATTEMPTS*'three'*")]
    [InlineData("MIRT_FOLLOWUP_STATES", "STATE_4_OFFER,STATE_2_CATALOG", "*MIRT_FOLLOWUP_STATES*'STATE_2_CATALOG'*no follow-up template*")]
    public void From_BadValue_ThrowsNamingTheSetting(string key, string value, string message)
    {
        var read = () => DeliverySettings.From(Configuration(new() { [key] = value }));

        read.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Theory]
    [MemberData(nameof(MillisecondSettings))]
    public void From_MalformedMilliseconds_ThrowsNamingTheSettingAndAnExample(string key)
    {
        foreach (var value in new[] { "abc", "-1", "1.5", "1e3", "86400001" })
        {
            var read = () => DeliverySettings.From(Configuration(new() { [key] = value }));

            read.Should().Throw<InvalidOperationException>(value).WithMessage($"{key} is '{value}'; give a whole number of milliseconds*for example*");
        }
    }

    [Theory]
    [MemberData(nameof(ZeroTurnsOff))]
    public void From_ZeroWhereItTurnsAFeatureOff_IsAccepted(string key) =>
        DeliverySettings.From(Configuration(new() { [key] = "0" })).Should().NotBeNull();

    [Theory]
    [MemberData(nameof(ZeroRefused))]
    public void From_ZeroWhereItMeansNothing_ThrowsNamingTheSetting(string key)
    {
        var read = () => DeliverySettings.From(Configuration(new() { [key] = "0" }));

        read.Should().Throw<InvalidOperationException>().WithMessage($"{key} is '0'*");
    }

    [Theory]
    [InlineData("MIRT_REPLY_DEADLINE_MS")]
    [InlineData("MIRT_PHOTO_REPLY_DEADLINE_MS")]
    public void From_HybridDeadlineOverManyChatsBudget_Throws(string key)
    {
        var read = () => DeliverySettings.From(Configuration(new() { [key] = "9501", ["MIRT_INTERIM_DELAY_MS"] = "0", ["MIRT_PHOTO_INTERIM_DELAY_MS"] = "0" }));

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{key}*9500*hybrid*");
        DeliverySettings.From(Configuration(new() { [key] = "9500", ["MIRT_INTERIM_DELAY_MS"] = "0", ["MIRT_PHOTO_INTERIM_DELAY_MS"] = "0" }))
            .DeadlineFor(key.Contains("PHOTO", StringComparison.Ordinal)).Should().Be(TimeSpan.FromMilliseconds(9_500));
    }

    [Theory]
    [InlineData("MIRT_INTERIM_DELAY_MS", "7999")]
    [InlineData("MIRT_PHOTO_INTERIM_DELAY_MS", "3999")]
    public void From_InterimBeforeItsDeadline_Throws(string key, string value)
    {
        var read = () => DeliverySettings.From(Configuration(new() { [key] = value }));

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{key}*0 or at least the reply deadline*");
    }

    [Theory]
    [InlineData("response")]
    [InlineData("push")]
    public void From_InterimBeforeTheDeadline_OutsideHybrid_IsAccepted(string mode) =>
        DeliverySettings.From(Configuration(new() { ["MIRT_REPLY_MODE"] = mode, ["MIRT_REPLY_DEADLINE_MS"] = "20000", ["MIRT_INTERIM_DELAY_MS"] = "5000" }))
            .InterimDelayFor(hasPhoto: false).Should().Be(TimeSpan.FromSeconds(5), "only hybrid mode answers inline and pushes, so only there the interim bubble could overtake the inline answer");

    [Fact]
    public void From_InterimEqualToItsDeadline_IsAccepted() =>
        DeliverySettings.From(Configuration(new() { ["MIRT_INTERIM_DELAY_MS"] = "8000", ["MIRT_PHOTO_INTERIM_DELAY_MS"] = "4000" }))
            .InterimDelayFor(hasPhoto: true).Should().Be(TimeSpan.FromSeconds(4));

    [Theory]
    [InlineData("82800000", null)]        // 23 h + the default 1 h margin
    [InlineData("3600000", "82800000")]   // 1 h + a 23 h margin
    [InlineData("86400000", "0")]
    public void From_FollowUpLeavesNoRoomInThe24HourWindow_Throws(string after, string? margin)
    {
        var values = new Dictionary<string, string?> { ["MIRT_FOLLOWUP_AFTER_MS"] = after };
        if (margin is not null)
        {
            values["MIRT_FOLLOWUP_MARGIN_MS"] = margin;
        }

        var read = () => DeliverySettings.From(Configuration(values));

        read.Should().Throw<InvalidOperationException>().WithMessage("*MIRT_FOLLOWUP_AFTER_MS plus MIRT_FOLLOWUP_MARGIN_MS*24 h*");
    }

    [Fact]
    public void From_FollowUpJustInsideTheWindow_IsAccepted() =>
        DeliverySettings.From(Configuration(new() { ["MIRT_FOLLOWUP_AFTER_MS"] = "82799999" })).FollowUpAfter
            .Should().Be(TimeSpan.FromMilliseconds(82_799_999));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
