using System.Diagnostics;
using Mirt.Host.ManyChat;

namespace Mirt.Host.Tests.ManyChat;

public sealed class ManyChatClientRateTests
{
    private const string TagPath = "/fb/subscriber/addTagByName";

    [Fact]
    public async Task SendContentAsync_SixtyAtOnce_StandInNeverSeesMoreThanTheLimitInOneSecond()
    {
        await using var bed = new ManyChatTestBed();
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(i => bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text($"Повідомлення {i}"))));

        clock.Stop();
        results.Should().OnlyContain(r => r.IsSuccess, "the limiter waits instead of failing");
        bed.StandIn.Sent.Should().HaveCount(60);
        // The client spaces sends so one second holds about 23; the limit is 25, and 26 leaves room for arrival jitter
        // on a loaded machine. Without the limiter all 60 arrive within a few hundred milliseconds.
        bed.StandIn.PeakRequests(ManyChatTestBed.SendPath, TimeSpan.FromSeconds(1)).Should().BeLessThanOrEqualTo(26);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(2), "60 sends at under 25/s take at least 59/25 = 2.36 s");
    }

    [Fact]
    public async Task AddTagByNameAsync_TwentyFiveAtOnce_StandInNeverSeesMoreThanTenInOneSecond()
    {
        await using var bed = new ManyChatTestBed();
        bed.StandIn.DefineTag("lead");

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => bed.Client.AddTagByNameAsync(ManyChatTestBed.Id, "lead")));

        results.Should().OnlyContain(r => r.IsSuccess);
        // The client spaces tag calls so one second holds about 9; the limit is 10, +2 for arrival jitter.
        bed.StandIn.PeakRequests(TagPath, TimeSpan.FromSeconds(1)).Should().BeLessThanOrEqualTo(12);
    }

    [Fact]
    public async Task SendContentAsync_TooManyRequestsAnswer_IsResentAfterTheBackoff()
    {
        await using var bed = new ManyChatTestBed(o => new ManyChatClientOptions
        {
            ApiKey = o.ApiKey,
            ApiUrl = o.ApiUrl,
            RateLimitedBackoff = TimeSpan.FromSeconds(1),
        });
        bed.StandIn.SendContentPerSecond = 0;

        var send = bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));
        for (var polls = 0; bed.StandIn.Requests.Count == 0 && polls < 1_000; polls++)
        {
            await Task.Delay(10);
        }

        bed.StandIn.SendContentPerSecond = 25;
        var result = await send;

        result.Outcome.Should().Be(ManyChatOutcome.Sent, "the refused send went again after the backoff");
        result.Attempts.Should().Be(2);
        result.Waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        bed.StandIn.Requests.Select(r => r.Status).Should().Equal(400, 200);
        bed.StandIn.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task SendContentAsync_TooManyRequestsEveryTime_EndsRateLimitedAndRetryable()
    {
        await using var bed = new ManyChatTestBed(o => new ManyChatClientOptions
        {
            ApiKey = o.ApiKey,
            ApiUrl = o.ApiUrl,
            RateLimitedRetries = 1,
            RateLimitedBackoff = TimeSpan.FromMilliseconds(50),
        });
        bed.StandIn.SendContentPerSecond = 0;

        var result = await bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("Привіт"));

        result.Outcome.Should().Be(ManyChatOutcome.RateLimited);
        result.IsRetryable.Should().BeTrue();
        result.MaybeDelivered.Should().BeFalse();
        result.HttpStatus.Should().Be(400, "ManyChat answers every error, rate limits included, with HTTP 400");
        result.Attempts.Should().Be(2);
        bed.StandIn.Requests.Should().HaveCount(2);
        bed.StandIn.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task SendContentAsync_CancelledWhileWaitingForTheLimiter_ThrowsAndSendsNothing()
    {
        // One request a second: the first takes the only token, the second waits about a second for the next.
        await using var bed = new ManyChatTestBed(o => new ManyChatClientOptions { ApiKey = o.ApiKey, ApiUrl = o.ApiUrl, SendContentPerSecond = 1 });
        var first = bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("перше"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var second = () => bed.Client.SendContentAsync(ManyChatTestBed.Id, ManyChatTestBed.Text("друге"), cts.Token);

        await second.Should().ThrowAsync<OperationCanceledException>();
        (await first).IsSuccess.Should().BeTrue();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        bed.StandIn.Sent.Should().ContainSingle().Which.Texts.Should().Equal("перше");
    }
}
