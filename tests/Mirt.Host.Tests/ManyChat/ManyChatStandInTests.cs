using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mirt.Testing.ManyChat;

namespace Mirt.Host.Tests.ManyChat;

public sealed class ManyChatStandInTests : IAsyncDisposable
{
    private const long Subscriber = 555;
    private const string WithStandInKey = "(the stand-in's own key)";
    private readonly ManyChatStandIn _standIn = ManyChatStandIn.Start();
    private readonly HttpClient _http = new();

    public ManyChatStandInTests()
    {
        _standIn.SetLastInbound(Subscriber, DateTimeOffset.UtcNow);
        _standIn.DefineTag("needs_human");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task SendContent_ValidContent_Answers200SuccessAndRecordsIt()
    {
        var (status, body) = await PostAsync(Send(Content(Text("Привіт"))));

        status.Should().Be(200);
        body.Should().Be("""{"status":"success"}""");
        var sent = _standIn.Sent.Should().ContainSingle().Subject;
        sent.SubscriberId.Should().Be(Subscriber);
        sent.Texts.Should().Equal("Привіт");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer 1234567:wrong")]
    [InlineData("bearer 1234567:stand-in-key")]
    [InlineData("1234567:stand-in-key")]
    public async Task SendContent_MissingOrWrongKey_Answers401InManyChatsShape(string? authorization)
    {
        var (status, body) = await PostAsync(Send(Content(Text("Привіт"))), authorization: authorization);

        status.Should().Be(401);
        JsonNode.Parse(body)!["status"]!.GetValue<string>().Should().Be("error");
        _standIn.Sent.Should().BeEmpty();
    }

    [Theory]
    [InlineData(500, 200)] // 1000 bytes of 2-byte Cyrillic
    [InlineData(501, 400)] // 1002 bytes
    public async Task SendContent_TextAtAndOverTheByteLimit_IsAcceptedThenRefused(int cyrillicChars, int expected)
    {
        var (status, body) = await PostAsync(Send(Content(Text(new string('ж', cyrillicChars)))));

        status.Should().Be(expected);
        if (expected == 400)
        {
            body.Should().Contain("1000 bytes");
        }
    }

    [Theory]
    [InlineData("messages", 10, 200)]
    [InlineData("messages", 11, 400)]
    [InlineData("messages", 0, 400)]
    [InlineData("quick_replies", 11, 200)]
    [InlineData("quick_replies", 12, 400)]
    [InlineData("actions", 5, 200)]
    [InlineData("actions", 6, 400)]
    public async Task SendContent_CountsAtAndOverTheLimits_AreAcceptedThenRefused(string part, int count, int expected)
    {
        var content = part switch
        {
            "messages" => Content([.. Enumerable.Range(0, count).Select(i => Text($"№{i}"))]),
            "quick_replies" => With(Content(Text("Оберіть")), "quick_replies", [.. Enumerable.Range(0, count).Select(i => QuickReply($"Варіант {i}"))]),
            _ => With(Content(Text("Готово")), "actions", [.. Enumerable.Range(0, count).Select(_ => new JsonObject { ["action"] = "add_tag", ["tag_name"] = "needs_human" })]),
        };

        var (status, body) = await PostAsync(Send(content));

        status.Should().Be(expected, body);
        if (expected == 400)
        {
            JsonNode.Parse(body)!["status"]!.GetValue<string>().Should().Be("error");
            _standIn.Sent.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("""{"subscriber_id":"555","data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"text","text":"a"}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v1","content":{"type":"instagram","messages":[{"type":"text","text":"a"}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v2","content":{"messages":[{"type":"text","text":"a"}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"video","url":"https://x.example/v.mp4"}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"text","text":""}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"text","text":"a"}]}},"extra":1}""")]
    [InlineData("""{"subscriber_id":555}""")]
    [InlineData("""{"subscriber_id":556,"data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"text","text":"a"}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"text","text":"a"}],"actions":[{"action":"add_tag","tag_name":"unknown"}]}}}""")]
    [InlineData("""{"subscriber_id":555,"data":{"version":"v2","content":{"type":"instagram","messages":[{"type":"text","text":"a"}],"quick_replies":[{"type":"node","caption":"Занадто довгий підпис кнопки","target":"x"}]}}}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    public async Task SendContent_MalformedBody_Answers400WithAMessage(string json)
    {
        var (status, body) = await PostAsync(json);

        status.Should().Be(400);
        var answer = JsonNode.Parse(body)!;
        answer["status"]!.GetValue<string>().Should().Be("error");
        answer["message"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        _standIn.Sent.Should().BeEmpty();
    }

    [Theory]
    [InlineData(23.9, 200, null)]
    [InlineData(24.1, 400, 3011)]
    public async Task SendContent_AroundTheTwentyFourHourWindow_AcceptsInsideRefuses3011Outside(double hoursSinceLastMessage, int expected, int? code)
    {
        _standIn.SetLastInbound(Subscriber, DateTimeOffset.UtcNow - TimeSpan.FromHours(hoursSinceLastMessage));

        var (status, body) = await PostAsync(Send(Content(Text("Нагадування"))));

        status.Should().Be(expected);
        _standIn.Requests.Single().Code.Should().Be(code);
        if (code is { } c)
        {
            JsonNode.Parse(body)!["code"]!.GetValue<int>().Should().Be(c);
        }
    }

    [Fact]
    public async Task SendContent_ActionsWhileRejectingThem_Answers304xAndSendsNothing()
    {
        _standIn.RejectActionsInPushedContent = true;
        var content = Content(Text("Передаю менеджеру"));
        content["actions"] = new JsonArray(new JsonObject { ["action"] = "add_tag", ["tag_name"] = "needs_human" });

        var (status, body) = await PostAsync(Send(content));
        var (plainStatus, _) = await PostAsync(Send(Content(Text("Без дій"))));

        status.Should().Be(400);
        JsonNode.Parse(body)!["code"]!.GetValue<int>().Should().BeInRange(3040, 3049);
        plainStatus.Should().Be(200, "content without actions or quick replies still goes through");
        _standIn.Sent.Should().ContainSingle().Which.Texts.Should().Equal("Без дій");
        _standIn.TagsOf(Subscriber).Should().BeEmpty();
    }

    [Fact]
    public async Task SendContent_FiftyAtOnce_AnswersHttp400NeverA429BeyondTwentyFive()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PostAsync(Send(Content(Text($"№{i}"))))));

        answers.Should().NotContain(a => a.Status == 429);
        answers.Count(a => a.Status == 200).Should().BeLessThanOrEqualTo(25);
        answers.Where(a => a.Status != 200).Should().NotBeEmpty()
            .And.OnlyContain(a => a.Status == 400 && a.Body.Contains("Too many requests"));
    }

    [Fact]
    public async Task AddTagByName_TwentyFiveAtOnce_IsRefusedAsTooManyRequestsBeyondTen()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ =>
            PostAsync($$"""{"subscriber_id":{{Subscriber}},"tag_name":"needs_human"}""", "/fb/subscriber/addTagByName")));

        answers.Count(a => a.Status == 200).Should().BeLessThanOrEqualTo(10);
        answers.Should().Contain(a => a.Status == 400 && a.Body.Contains("Too many requests"));
    }

    [Fact]
    public async Task Faults_ServerErrorDropAndDelay_AreAppliedInOrderThenNormalAnswersResume()
    {
        _standIn.EnqueueFault(ManyChatFault.ServerError(502));
        _standIn.EnqueueFault(ManyChatFault.DropConnection());
        _standIn.EnqueueFault(ManyChatFault.Delay(TimeSpan.FromMilliseconds(400)));
        var json = Send(Content(Text("Привіт")));

        var (serverError, errorBody) = await PostAsync(json);
        var drop = () => PostAsync(json);
        await drop.Should().ThrowAsync<HttpRequestException>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (delayed, _) = await PostAsync(json);
        var delay = clock.Elapsed;
        var (normal, _) = await PostAsync(json);

        serverError.Should().Be(502);
        JsonNode.Parse(errorBody)!["status"]!.GetValue<string>().Should().Be("exception");
        delayed.Should().Be(200);
        delay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350));
        normal.Should().Be(200);
        _standIn.Requests.Select(r => r.Status).Should().Equal(502, 0, 200, 200);
        _standIn.Sent.Should().HaveCount(2);
    }

    [Fact]
    public async Task Sent_ManyConcurrentSubscribers_RecordsEverySendOnce()
    {
        _standIn.SendContentPerSecond = 1_000;
        foreach (var id in Enumerable.Range(1, 40))
        {
            _standIn.SetLastInbound(id, DateTimeOffset.UtcNow);
        }

        await Task.WhenAll(Enumerable.Range(1, 40).Select(id => PostAsync(Send(Content(Text($"для {id}")), id))));

        _standIn.Sent.Select(s => s.SubscriberId).Should().BeEquivalentTo(Enumerable.Range(1, 40).Select(i => (long)i));
        _standIn.Sent.Should().OnlyContain(s => s.Texts.Single() == $"для {s.SubscriberId}");
    }

    [Fact]
    public async Task SetCustomFieldByName_TypeMismatchAndUnknownField_AreRefused()
    {
        _standIn.DefineField("needs_human", ManyChatFieldType.Boolean);
        const string path = "/fb/subscriber/setCustomFieldByName";

        var (ok, _) = await PostAsync($$"""{"subscriber_id":{{Subscriber}},"field_name":"needs_human","field_value":true}""", path);
        var (mismatch, _) = await PostAsync($$"""{"subscriber_id":{{Subscriber}},"field_name":"needs_human","field_value":"yes"}""", path);
        var (unknown, _) = await PostAsync($$"""{"subscriber_id":{{Subscriber}},"field_name":"nope","field_value":true}""", path);

        (ok, mismatch, unknown).Should().Be((200, 400, 400));
        _standIn.FieldOf(Subscriber, "needs_human")!.Value.ValueKind.Should().Be(JsonValueKind.True);
    }

    [Fact]
    public async Task UnknownPath_Answers404()
    {
        var (status, _) = await PostAsync("{}", "/fb/sending/sendFlow");

        status.Should().Be(404);
    }

    private async Task<(int Status, string Body)> PostAsync(string json, string path = "/fb/sending/sendContent", string? authorization = WithStandInKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_standIn.ApiUrl, path.TrimStart('/')))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization == WithStandInKey ? $"Bearer {_standIn.ApiKey}" : authorization);
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Send(JsonObject content, long subscriber = Subscriber) =>
        new JsonObject { ["subscriber_id"] = subscriber, ["data"] = new JsonObject { ["version"] = "v2", ["content"] = content } }.ToJsonString();

    private static JsonObject Content(params JsonNode[] messages) =>
        new() { ["type"] = "instagram", ["messages"] = new JsonArray(messages) };

    private static JsonObject With(JsonObject content, string part, JsonObject[] items)
    {
        content[part] = new JsonArray([.. items]);
        return content;
    }

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject QuickReply(string caption) => new() { ["type"] = "node", ["caption"] = caption, ["target"] = "Menu" };
}
