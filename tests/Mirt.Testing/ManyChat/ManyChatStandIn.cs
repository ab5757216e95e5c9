using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Mirt.Testing.Hosting;

namespace Mirt.Testing.ManyChat;

/// <summary>
/// A strict stand-in for ManyChat's public API (<c>sendContent</c>, <c>addTagByName</c>, <c>removeTagByName</c>,
/// <c>setCustomFieldByName</c>) on a free loopback port (<see cref="HttpListener"/>), enforcing the documented contract
/// of MANYCHAT.md: bearer key, body shapes, Dynamic Block v2 limits, the 24-hour window, the rate limits, and
/// ManyChat's answer shapes (success <c>200 {"status":"success"}</c>, every error HTTP 400
/// <c>{"status":"error","message":…,"code":…}</c>, no 429).
/// </summary>
/// <remarks>
/// <para>Set up subscribers with <see cref="SetLastInbound"/> (an unknown subscriber is refused), tags with
/// <see cref="DefineTag"/> and fields with <see cref="DefineField"/>. Every request is recorded in
/// <see cref="Requests"/>; every accepted <c>sendContent</c> in <see cref="Sent"/>. Thread-safe.</para>
/// <para>Assumptions where ManyChat documents nothing: a wrong key answers <c>401 {"status":"error","message":…}</c>;
/// a rate-limit refusal is <c>400</c> with the message "Too many requests" and no code; a refused action or quick
/// reply (<see cref="RejectActionsInPushedContent"/>) is <c>400</c> code <see cref="ChannelRefusedCode"/>; a 5xx has
/// the body ManyChat documents for its server exceptions, <c>{"status":"exception","message":"Something went wrong"}</c>.
/// Rate windows and the 24-hour window run on the given clock: with a manual clock every request arrives at one
/// instant, so raise the rate limits.</para>
/// </remarks>
public sealed partial class ManyChatStandIn : IAsyncDisposable
{
    /// <summary>Gets the code of a message outside the 24-hour window.</summary>
    public const int OutsideWindowCode = 3011;

    /// <summary>Gets the code answered when <see cref="RejectActionsInPushedContent"/> refuses content.</summary>
    public const int ChannelRefusedCode = 3040;

    private readonly ConcurrentQueue<ManyChatStandInRequest> _requests = new();
    private readonly ConcurrentQueue<ManyChatSentContent> _sent = new();
    private readonly ConcurrentQueue<ManyChatFault> _faults = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ManyChatSubscriber> _subscribers = [];
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManyChatFieldType> _fields = new(StringComparer.Ordinal);
    private readonly ManyChatRateWindow _sendWindow = new();
    private readonly ManyChatRateWindow _tagFieldWindow = new();
    private readonly TimeProvider _time;
    private readonly LoopbackHttpListener _http;

    private ManyChatStandIn(string apiKey, TimeProvider time)
    {
        _time = time;
        ApiKey = apiKey;
        _http = LoopbackHttpListener.Start(Accept);
        ApiUrl = _http.BaseAddress;
    }

    /// <summary>Gets the API address to configure the client with, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Gets the key the stand-in accepts (<c>Authorization: Bearer {ApiKey}</c>).</summary>
    public string ApiKey { get; }

    /// <summary>Gets or sets the most <c>sendContent</c> requests in any one-second span (ManyChat: 25).</summary>
    public int SendContentPerSecond { get; set; } = 25;

    /// <summary>Gets or sets the most tag and field requests, together, in any one-second span (ManyChat: 10).</summary>
    public int TagFieldPerSecond { get; set; } = 10;

    /// <summary>Gets or sets how long after the customer's last message automated messages are allowed (24 hours).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets whether pushed content carrying actions or quick replies is refused with code
    /// <see cref="ChannelRefusedCode"/>, as Instagram may do (MANYCHAT.md).</summary>
    public bool RejectActionsInPushedContent { get; set; }

    /// <summary>Gets every request received, in arrival order, accepted or not.</summary>
    public IReadOnlyList<ManyChatStandInRequest> Requests => [.. _requests];

    /// <summary>Gets every accepted <c>sendContent</c>, in order: what reached customers.</summary>
    public IReadOnlyList<ManyChatSentContent> Sent => [.. _sent];

    /// <summary>Starts a stand-in on a free loopback port.</summary>
    /// <param name="apiKey">The key it accepts, <c>page-id:key</c> as ManyChat shows it.</param>
    /// <param name="time">The clock of arrivals, rate windows and the 24-hour window; the system clock by default.</param>
    /// <returns>The listening stand-in.</returns>
    public static ManyChatStandIn Start(string apiKey = "1234567:stand-in-key", TimeProvider? time = null) =>
        new(apiKey, time ?? TimeProvider.System);

    /// <summary>Registers a subscriber (if new) and sets when the customer last wrote; the 24-hour window runs from it.</summary>
    public void SetLastInbound(long subscriberId, DateTimeOffset at)
    {
        lock (_gate)
        {
            Subscriber(subscriberId, create: true)!.LastInbound = at;
        }
    }

    /// <summary>Creates a tag, so <c>addTagByName</c>, <c>removeTagByName</c> and tag actions may name it.</summary>
    public void DefineTag(string name)
    {
        lock (_gate)
        {
            _tags.Add(name);
        }
    }

    /// <summary>Creates a custom field of a type, so <c>setCustomFieldByName</c> and field actions may set it.</summary>
    public void DefineField(string name, ManyChatFieldType type)
    {
        lock (_gate)
        {
            _fields[name] = type;
        }
    }

    /// <summary>Queues a fault for the next request without one (in queue order).</summary>
    public void EnqueueFault(ManyChatFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Enqueue(fault);
    }

    /// <summary>Gets the tags a subscriber carries now.</summary>
    public IReadOnlySet<string> TagsOf(long subscriberId)
    {
        lock (_gate)
        {
            return Subscriber(subscriberId, create: false)?.Tags.ToHashSet(StringComparer.Ordinal) ?? [];
        }
    }

    /// <summary>Gets a subscriber's custom field value, or <see langword="null"/> when unset.</summary>
    public JsonElement? FieldOf(long subscriberId, string name)
    {
        lock (_gate)
        {
            return Subscriber(subscriberId, create: false)?.Fields.TryGetValue(name, out var value) == true ? value : null;
        }
    }

    /// <summary>Counts the most requests to <paramref name="path"/> (accepted or not) that arrived within any span of
    /// <paramref name="window"/>.</summary>
    public int PeakRequests(string path, TimeSpan window)
    {
        var times = Requests.Where(r => r.Path == path).Select(r => r.At).Order().ToArray();
        var peak = 0;
        for (int first = 0, last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            peak = Math.Max(peak, last - first + 1);
        }

        return peak;
    }

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private ManyChatSubscriber? Subscriber(long id, bool create)
    {
        if (!_subscribers.TryGetValue(id, out var subscriber) && create)
        {
            subscriber = new ManyChatSubscriber();
            _subscribers[id] = subscriber;
        }

        return subscriber;
    }

    private Func<Task> Accept(HttpListenerContext context)
    {
        // The arrival time is taken here, before any queueing, so rate windows see when requests really came.
        var at = _time.GetUtcNow();
        return () => AnswerAsync(context, at);
    }
}
