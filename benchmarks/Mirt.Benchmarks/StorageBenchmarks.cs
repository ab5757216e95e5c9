using BenchmarkDotNet.Attributes;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.State;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Graph;

namespace Mirt.Benchmarks;

/// <summary>
/// Checkpoint serialisation of a sales state with a 40-line transcript: encoding from scratch, encoding one turn's
/// change (what a node step pays), and decoding (what loading a thread pays).
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private readonly StateSchema _schema = SalesGraph.Build().Schema;
    private GraphState _state = null!;
    private GraphState _nextTurn = null!;
    private StoredChannels _stored = null!;
    private Checkpoint _checkpoint = null!;

    /// <summary>Builds a mid-conversation state and its stored form.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var at = DateTimeOffset.UnixEpoch;
        var lines = Enumerable.Range(0, 40)
            .Select(i => new TranscriptEntry(i % 2 == 0 ? TranscriptEntry.CustomerRole : TranscriptEntry.BotRole, $"line {i}: a sentence of about sixty characters of chat text.", at))
            .ToList();
        _state = GraphState.Empty.Apply(
            SalesKeys.State.Set("STATE_4_OFFER"),
            SalesKeys.Phase.Set("OFFER_MADE"),
            SalesKeys.Profile.Set(new SalesProfile("dresses", "anna", 118, "pink", "pink")),
            SalesKeys.Delivery.Set(new DeliveryData("Test Customer", "+380000000000", "Kyiv", "12")),
            SalesKeys.Transcript.Set(lines));
        var encoded = _schema.Encode(_state, StoredChannels.None);
        _stored = encoded.Stored;
        _checkpoint = new Checkpoint("01", 3, at, encoded.Values, encoded.Versions, [], SalesGraph.Version);
        _nextTurn = _state.Apply(
            SalesKeys.Phase.Set("WAITING_FOR_DELIVERY"),
            SalesKeys.Transcript.Set([new(TranscriptEntry.CustomerRole, "yes, I take it", at), new(TranscriptEntry.BotRole, "Great, your delivery details please.", at)]));
    }

    /// <summary>Encodes every channel of the state, as the first checkpoint of a thread does.</summary>
    /// <returns>The encoded state.</returns>
    [Benchmark(Description = "encode sales state from scratch")]
    public EncodedState EncodeFresh() => _schema.Encode(_state, StoredChannels.None);

    /// <summary>Encodes one turn's change against the stored state: only changed channels are serialised.</summary>
    /// <returns>The encoded state.</returns>
    [Benchmark(Description = "encode one turn's change")]
    public EncodedState EncodeChange() => _schema.Encode(_nextTurn, _stored);

    /// <summary>Decodes a loaded checkpoint into a state.</summary>
    /// <returns>The state and its stored-channel record.</returns>
    [Benchmark(Description = "decode sales checkpoint")]
    public (GraphState, StoredChannels) Decode() => _schema.Decode(_checkpoint);
}
