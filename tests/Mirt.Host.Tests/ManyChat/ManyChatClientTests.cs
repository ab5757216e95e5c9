using System.Text.Json;
using Mirt.Graph.Diagnostics;
using Mirt.Host.ManyChat;
using Mirt.Host.Web;
using Mirt.Testing.ManyChat;

namespace Mirt.Host.Tests.ManyChat;

public sealed class ManyChatClientTests : IAsyncDisposable
{
    private readonly ManyChatTestBed _bed = new();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task SendContentAsync_InsideTheWindow_IsSentOnceWithTheDocumentedBody()
    {
        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт! Є сукні 110–128 см.", "Що підказати?"));

        result.Outcome.Should().Be(ManyChatOutcome.Sent);
        result.IsSuccess.Should().BeTrue();
        result.Attempts.Should().Be(1);
        var sent = _bed.StandIn.Sent.Should().ContainSingle().Subject;
        sent.SubscriberId.Should().Be(ManyChatTestBed.Subscriber);
        sent.Texts.Should().Equal("Привіт! Є сукні 110–128 см.", "Що підказати?");
        using var body = JsonDocument.Parse(_bed.StandIn.Requests.Single().Body);
        body.RootElement.GetProperty("subscriber_id").ValueKind.Should().Be(JsonValueKind.Number);
        body.RootElement.GetProperty("data").GetProperty("version").GetString().Should().Be("v2");
        body.RootElement.GetProperty("data").GetProperty("content").TryGetProperty("actions", out _).Should().BeFalse("absent extras are omitted, not null");
    }

    [Fact]
    public async Task SendContentAsync_OutsideTheWindow_IsFinal3011AndNotRetried()
    {
        _bed.StandIn.SetLastInbound(ManyChatTestBed.Subscriber, DateTimeOffset.UtcNow - TimeSpan.FromHours(25));

        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Нагадую про кошик"));

        result.Outcome.Should().Be(ManyChatOutcome.OutsideWindow);
        result.Code.Should().Be(3011);
        result.IsRetryable.Should().BeFalse();
        result.Attempts.Should().Be(1);
        _bed.StandIn.Requests.Should().ContainSingle();
        _bed.StandIn.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task SendContentAsync_ActionsRefusedByInstagram_ResendsOnceWithoutActionsAndQuickReplies()
    {
        _bed.StandIn.RejectActionsInPushedContent = true;
        _bed.StandIn.DefineTag("needs_human");
        var content = ManyChatTestBed.Text("Передаю менеджеру") with
        {
            Actions = [DynamicBlockAction.AddTag("needs_human")],
            QuickReplies = [new DynamicBlockQuickReply("node", "Дякую", "Thanks")],
        };

        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, content);

        result.Outcome.Should().Be(ManyChatOutcome.Sent);
        result.ExtrasDropped.Should().BeTrue();
        result.Attempts.Should().Be(2);
        var requests = _bed.StandIn.Requests;
        requests.Should().HaveCount(2);
        requests[0].Code.Should().Be(ManyChatStandIn.ChannelRefusedCode);
        requests[1].Body.Should().NotContain("actions").And.NotContain("quick_replies");
        _bed.StandIn.Sent.Should().ContainSingle().Which.Texts.Should().Equal("Передаю менеджеру");
        _bed.StandIn.TagsOf(ManyChatTestBed.Subscriber).Should().BeEmpty("the dropped action was not applied; the caller tags through the API");
        _bed.Log.Named("manychat_extras_refused").Should().ContainSingle();
    }

    [Fact]
    public async Task SendContentAsync_ActionsAccepted_AreSentOnceAndApplied()
    {
        _bed.StandIn.DefineTag("needs_human");
        _bed.StandIn.DefineField("mirt_state", ManyChatFieldType.Text);
        var content = ManyChatTestBed.Text("Передаю менеджеру") with
        {
            Actions = [DynamicBlockAction.AddTag("needs_human"), DynamicBlockAction.SetField("mirt_state", "handoff")],
        };

        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, content);

        result.Outcome.Should().Be(ManyChatOutcome.Sent);
        result.ExtrasDropped.Should().BeFalse();
        _bed.StandIn.Requests.Should().ContainSingle();
        _bed.StandIn.TagsOf(ManyChatTestBed.Subscriber).Should().Equal("needs_human");
        _bed.StandIn.FieldOf(ManyChatTestBed.Subscriber, "mirt_state")!.Value.GetString().Should().Be("handoff");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task SendContentAsync_ServerError_IsTransientMaybeDeliveredAndNotRetried(int status)
    {
        _bed.StandIn.EnqueueFault(ManyChatFault.ServerError(status));

        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));

        result.Outcome.Should().Be(ManyChatOutcome.Transient);
        result.IsRetryable.Should().BeTrue();
        result.MaybeDelivered.Should().BeTrue();
        result.HttpStatus.Should().Be(status);
        _bed.StandIn.Requests.Should().ContainSingle("a send that may have been delivered is never retried inside the client");
    }

    [Fact]
    public async Task SendContentAsync_ConnectionDropped_IsTransientMaybeDelivered()
    {
        _bed.StandIn.EnqueueFault(ManyChatFault.DropConnection());

        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));

        result.Outcome.Should().Be(ManyChatOutcome.Transient);
        result.MaybeDelivered.Should().BeTrue();
        _bed.StandIn.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SendContentAsync_SlowerThanTheTimeout_IsTransientTimeout()
    {
        await using var bed = new ManyChatTestBed(o => new ManyChatClientOptions { ApiKey = o.ApiKey, ApiUrl = o.ApiUrl, Timeout = TimeSpan.FromMilliseconds(300) });
        bed.StandIn.EnqueueFault(ManyChatFault.Delay(TimeSpan.FromSeconds(3)));

        var result = await bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));

        result.Outcome.Should().Be(ManyChatOutcome.Transient);
        result.Error.Should().Be("timeout");
        result.MaybeDelivered.Should().BeTrue();
        result.Latency.Should().BeLessThan(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task SendContentAsync_NothingListening_IsTransientAndCertainlyNotDelivered()
    {
        var closed = _bed.StandIn.ApiUrl;
        await _bed.StandIn.DisposeAsync();
        using var client = new ManyChatClient(new ManyChatClientOptions { ApiKey = "1:k", ApiUrl = closed, Timeout = TimeSpan.FromSeconds(3) });

        var result = await client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));

        result.Outcome.Should().Be(ManyChatOutcome.Transient);
        result.MaybeDelivered.Should().BeFalse();
        result.HttpStatus.Should().BeNull();
    }

    [Fact]
    public async Task SendContentAsync_WrongKey_IsUnauthorizedAndFinal()
    {
        using var client = new ManyChatClient(new ManyChatClientOptions { ApiKey = "1122334455:wrong", ApiUrl = _bed.StandIn.ApiUrl });

        var result = await client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));

        result.Outcome.Should().Be(ManyChatOutcome.Unauthorized);
        result.HttpStatus.Should().Be(401);
        result.IsRetryable.Should().BeFalse();
        _bed.StandIn.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task SendContentAsync_TextOverTheByteLimit_IsRejectedWithManyChatsMessage()
    {
        var result = await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text(new string('ж', 501)));

        result.Outcome.Should().Be(ManyChatOutcome.Rejected);
        result.Error.Should().Contain("1000 bytes");
        result.IsRetryable.Should().BeFalse();
    }

    [Fact]
    public async Task SendContentAsync_EveryOutcome_LogsNeitherKeyNorTextNorSubscriberId()
    {
        const string text = "Моя адреса: Київ, Хрещатик 1";
        _bed.StandIn.DefineTag("needs_human");
        await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text(text));
        _bed.StandIn.EnqueueFault(ManyChatFault.ServerError());
        await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text(text));
        _bed.StandIn.RejectActionsInPushedContent = true;
        await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text(text) with { Actions = [DynamicBlockAction.AddTag("needs_human")] });
        _bed.StandIn.SetLastInbound(ManyChatTestBed.Subscriber, DateTimeOffset.UtcNow.AddDays(-2));
        await _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text(text));
        await _bed.Client.AddTagByNameAsync(ManyChatTestBed.Id, "needs_human");

        var entries = _bed.Log.Entries.ToArray();
        entries.Select(e => e.EventName).Should().Contain(["manychat_call", "manychat_extras_refused"]);
        var everything = string.Join('\n', entries.Select(e => e.Message + " " + string.Join(' ', e.Values.Values)));
        everything.Should().NotContain("s3cr3t").And.NotContain(_bed.StandIn.ApiKey).And.NotContain("Хрещатик")
            .And.NotContain(ManyChatTestBed.Id).And.Contain(ThreadIdMask.Hash(ManyChatTestBed.Id));
        _bed.Log.Named("manychat_call").Select(e => e.Values["Outcome"]!.ToString())
            .Should().Equal("Sent", "Transient", "Sent", "OutsideWindow", "Sent");
    }

    [Fact]
    public async Task SendContentAsync_CancelledDuringTheRequest_ThrowsInsteadOfReportingAnOutcome()
    {
        _bed.StandIn.EnqueueFault(ManyChatFault.Delay(TimeSpan.FromSeconds(5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var send = () => _bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"), cts.Token);

        await send.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    public async Task SendContentAsync_SubscriberNotAWholeNumber_Throws(string subscriberId)
    {
        var send = () => _bed.Client.SendContentAsync(subscriberId, ManyChatTestBed.Text("Привіт"));

        await send.Should().ThrowAsync<ArgumentException>();
        _bed.StandIn.Requests.Should().BeEmpty();
    }
}
