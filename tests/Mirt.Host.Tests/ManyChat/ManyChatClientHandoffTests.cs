using System.Text.Json;
using Mirt.Host.ManyChat;
using Mirt.Testing.ManyChat;

namespace Mirt.Host.Tests.ManyChat;

public sealed class ManyChatClientHandoffTests : IAsyncDisposable
{
    private readonly ManyChatTestBed _bed = new();

    public ManyChatClientHandoffTests()
    {
        _bed.StandIn.DefineTag("needs_human");
        _bed.StandIn.DefineField("needs_human", ManyChatFieldType.Boolean);
        _bed.StandIn.DefineField("mirt_state", ManyChatFieldType.Text);
        _bed.StandIn.DefineField("order_total", ManyChatFieldType.Number);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task AddTagByNameAsync_ThenRemove_TagComesAndGoes()
    {
        (await _bed.Client.AddTagByNameAsync(ManyChatTestBed.Id, "needs_human")).IsSuccess.Should().BeTrue();
        _bed.StandIn.TagsOf(ManyChatTestBed.Subscriber).Should().Equal("needs_human");

        (await _bed.Client.RemoveTagByNameAsync(ManyChatTestBed.Id, "needs_human")).IsSuccess.Should().BeTrue();
        _bed.StandIn.TagsOf(ManyChatTestBed.Subscriber).Should().BeEmpty();
    }

    [Fact]
    public async Task AddTagByNameAsync_TagMissingInManyChat_IsRejectedWithTheReason()
    {
        var result = await _bed.Client.AddTagByNameAsync(ManyChatTestBed.Id, "no_such_tag");

        result.Outcome.Should().Be(ManyChatOutcome.Rejected);
        result.Error.Should().Contain("Tag not found");
        result.IsRetryable.Should().BeFalse();
    }

    [Fact]
    public async Task SetCustomFieldByNameAsync_EachValueType_IsStoredWithItsJsonType()
    {
        (await _bed.Client.SetCustomFieldByNameAsync(ManyChatTestBed.Id, "needs_human", true)).IsSuccess.Should().BeTrue();
        (await _bed.Client.SetCustomFieldByNameAsync(ManyChatTestBed.Id, "mirt_state", "checkout")).IsSuccess.Should().BeTrue();
        (await _bed.Client.SetCustomFieldByNameAsync(ManyChatTestBed.Id, "order_total", 1249.50m)).IsSuccess.Should().BeTrue();

        _bed.StandIn.FieldOf(ManyChatTestBed.Subscriber, "needs_human")!.Value.ValueKind.Should().Be(JsonValueKind.True);
        _bed.StandIn.FieldOf(ManyChatTestBed.Subscriber, "mirt_state")!.Value.GetString().Should().Be("checkout");
        _bed.StandIn.FieldOf(ManyChatTestBed.Subscriber, "order_total")!.Value.GetDecimal().Should().Be(1249.50m);
    }

    [Fact]
    public async Task SetCustomFieldByNameAsync_ValueOfTheWrongType_IsRejected()
    {
        var result = await _bed.Client.SetCustomFieldByNameAsync(ManyChatTestBed.Id, "needs_human", "yes");

        result.Outcome.Should().Be(ManyChatOutcome.Rejected);
        _bed.StandIn.FieldOf(ManyChatTestBed.Subscriber, "needs_human").Should().BeNull();
    }

    [Fact]
    public async Task SetCustomFieldByNameAsync_OutsideTheWindow_StillWorks()
    {
        // The 24-hour rule limits messages, not contact data: a late handoff can still flag the conversation.
        _bed.StandIn.SetLastInbound(ManyChatTestBed.Subscriber, DateTimeOffset.UtcNow.AddDays(-3));

        var result = await _bed.Client.SetCustomFieldByNameAsync(ManyChatTestBed.Id, "needs_human", true);

        result.IsSuccess.Should().BeTrue();
    }
}
