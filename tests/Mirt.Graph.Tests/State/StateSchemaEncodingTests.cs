using Mirt.Graph.Checkpoints;
using Mirt.Graph.State;

namespace Mirt.Graph.Tests.State;

public sealed class StateSchemaEncodingTests
{
    private static readonly StateKey<string?> Phase = new("phase", null);
    private static readonly StateKey<int> Counter = new("counter", 0, StateKeyLifetime.Turn);
    private static readonly StateKey<IReadOnlyList<string>> Log = LogKey.Create<string>("log", segmentSize: 4);
    private static readonly StateSchema Schema = new([Phase, Counter, Log]);

    [Fact]
    public void Encode_NewState_WritesEveryChannelWithContentVersions()
    {
        var state = GraphState.Empty.Apply(Phase.Set("offer"), Counter.Set(2));

        var encoded = Schema.Encode(state, StoredChannels.None);

        encoded.Values.Should().Equal(new Dictionary<string, string> { ["phase"] = "\"offer\"", ["counter"] = "2" });
        encoded.NewVersions.Keys.Should().BeEquivalentTo("phase", "counter");
        encoded.Versions.Should().Equal(encoded.NewVersions);
        encoded.Versions.Values.Should().OnlyContain(v => v > 0);
    }

    [Fact]
    public void Encode_UnchangedChannels_AreNeitherSerialisedNorWritten()
    {
        var first = Schema.Encode(GraphState.Empty.Apply(Phase.Set("offer"), Counter.Set(1)), StoredChannels.None);
        var state = GraphState.Empty.Apply(Phase.Set("offer"), Counter.Set(1)).Apply(Counter.Set(5));

        var second = Schema.Encode(state, new StoredChannels(first.Stored.StoredVersions, new Dictionary<string, long> { ["phase"] = 1, ["counter"] = 1 }));

        second.Values.Keys.Should().Equal("counter");
        second.NewVersions.Keys.Should().Equal("counter");
        second.Versions["phase"].Should().Be(first.Versions["phase"]);
        second.Versions["counter"].Should().NotBe(first.Versions["counter"]);
    }

    [Fact]
    public void Encode_WriteOfTheSameValue_KeepsTheVersionAndWritesNothing()
    {
        var first = Schema.Encode(GraphState.Empty.Apply(Phase.Set("offer")), StoredChannels.None);
        var rewritten = GraphState.Empty.Apply(Phase.Set("offer")).Apply(Phase.Set("offer"));

        var second = Schema.Encode(rewritten, first.Stored);

        second.NewVersions.Should().BeEmpty();
        second.Versions.Should().Equal(first.Versions);
    }

    [Fact]
    public void Encode_SameValueOnTwoForks_GetsTheSameVersion_DifferentValuesDiffer()
    {
        var a = Schema.Encode(GraphState.Empty.Apply(Phase.Set("offer")), StoredChannels.None);
        var b = Schema.Encode(GraphState.Empty.Apply(Phase.Set("offer")), StoredChannels.None);
        var c = Schema.Encode(GraphState.Empty.Apply(Phase.Set("payment")), StoredChannels.None);

        a.Versions["phase"].Should().Be(b.Versions["phase"]);
        c.Versions["phase"].Should().NotBe(a.Versions["phase"]);
    }

    [Fact]
    public void Encode_ResetChannel_LeavesTheVersionMap()
    {
        var first = Schema.Encode(GraphState.Empty.Apply(Phase.Set("offer"), Counter.Set(3)), StoredChannels.None);
        var reset = GraphState.Empty.Apply(Phase.Set("offer"), Counter.Set(3)).Reset(Schema.TurnScopedKeys);

        var second = Schema.Encode(reset, first.Stored);

        second.Versions.Keys.Should().Equal("phase");
    }

    [Fact]
    public void Encode_Log_StoresSegmentsAndRewritesOnlyTheLastOne()
    {
        var state = GraphState.Empty.Apply(Log.Set(["a", "b", "c", "d", "e"]));
        var first = Schema.Encode(state, StoredChannels.None);

        first.Values.Should().Equal(new Dictionary<string, string> { ["log#0"] = "[\"a\",\"b\",\"c\",\"d\"]", ["log#1"] = "[\"e\"]" });

        var second = Schema.Encode(state.Apply(Log.Set(["f"])), first.Stored);

        second.Values.Should().Equal(new Dictionary<string, string> { ["log#1"] = "[\"e\",\"f\"]" });
        second.Versions.Keys.Should().BeEquivalentTo("log#0", "log#1");
        second.Versions["log#0"].Should().Be(first.Versions["log#0"]);
    }

    [Fact]
    public void Encode_LongLog_WritesBoundedBytesPerAppend()
    {
        var state = GraphState.Empty;
        var stored = StoredChannels.None;
        var written = new List<int>();
        for (var turn = 0; turn < 300; turn++)
        {
            state = state.Apply(Log.Set([$"customer line {turn}", $"bot line {turn}"]));
            var encoded = Schema.Encode(state, stored);
            written.Add(encoded.Values.Values.Sum(v => v.Length));
            stored = encoded.Stored;
        }

        written.Max().Should().BeLessThanOrEqualTo(written.Take(10).Max() + 16, "a segment holds at most 4 items however long the log is");
    }

    [Fact]
    public void Decode_RoundTripsEncodedValues_IncludingLogSegmentsInOrder()
    {
        var items = Enumerable.Range(0, 23).Select(i => $"line {i}").ToArray();
        var state = GraphState.Empty.Apply(Phase.Set("offer"), Log.Set(items));
        var encoded = Schema.Encode(state, StoredChannels.None);
        var checkpoint = new Checkpoint("01", 0, DateTimeOffset.UnixEpoch, encoded.Values, encoded.Versions, [], 1);

        var (decoded, stored) = Schema.Decode(checkpoint);

        decoded.Get(Phase).Should().Be("offer");
        decoded.Get(Log).Should().Equal(items);
        stored.StoredVersions.Should().Equal(encoded.Versions);
        Schema.Encode(decoded, stored).NewVersions.Should().BeEmpty("nothing changed since the load");
    }

    [Fact]
    public void Decode_DropsChannelsTheSchemaNoLongerKnows()
    {
        var checkpoint = new Checkpoint(
            "01", 0, DateTimeOffset.UnixEpoch,
            new Dictionary<string, string> { ["phase"] = "\"offer\"", ["gone"] = "1", ["gone#0"] = "[1]" },
            new Dictionary<string, long> { ["phase"] = 7, ["gone"] = 8, ["gone#0"] = 9 },
            [], 1);

        var (state, stored) = Schema.Decode(checkpoint);

        state.Channels.Should().Equal("phase");
        stored.StoredVersions.Should().Equal(new Dictionary<string, long> { ["phase"] = 7 });
    }

    [Fact]
    public void Encode_AppendToALongLog_SerialisesOnlyTheLastSegment()
    {
        var counted = LogKey.Create<Counted>("counted", segmentSize: 4);
        var schema = new StateSchema([counted]);
        var state = GraphState.Empty.Apply(counted.Set(Enumerable.Range(0, 40).Select(i => new Counted(i)).ToList()));
        var first = schema.Encode(state, StoredChannels.None);
        var appended = state.Apply(counted.Set([new Counted(40)]));

        Counted.Serialised = 0;
        var second = schema.Encode(appended, first.Stored);

        Counted.Serialised.Should().Be(1, "the ten full segments kept their content and version; only the new eleventh segment holds the new item");
        second.NewVersions.Keys.Should().Equal("counted#10");
        second.Versions.Should().HaveCount(11);
        var reloaded = schema.Decode(new Checkpoint("02", 1, DateTimeOffset.UnixEpoch, schema.Serialize(appended), second.Versions, [], 1));
        reloaded.State.Get(counted).Select(c => c.Value).Should().Equal(Enumerable.Range(0, 41));
    }

    [Fact]
    public void Encode_OverwrittenLog_SerialisesFromTheFirstChangedSegment()
    {
        var state = GraphState.Empty.Apply(Log.Set(["a", "b", "c", "d", "e", "f", "g", "h", "i"]));
        var first = Schema.Encode(state, StoredChannels.None);

        var second = Schema.Encode(state.Apply(Log.Overwrite(["a", "b", "c", "d", "X", "f", "g", "h"])), first.Stored);

        second.NewVersions.Keys.Should().Equal("log#1");
        second.Versions.Keys.Should().BeEquivalentTo("log#0", "log#1");
        second.Versions["log#0"].Should().Be(first.Versions["log#0"]);
    }

    [Fact]
    public void LogKey_NameWithSegmentSeparator_IsRejected()
    {
        var create = () => LogKey.Create<string>("bad#name");

        create.Should().Throw<ArgumentException>().WithMessage("*'#'*");
    }

    [System.Text.Json.Serialization.JsonConverter(typeof(CountingConverter))]
    public sealed record Counted(int Value)
    {
        public static int Serialised { get; set; }
    }

    private sealed class CountingConverter : System.Text.Json.Serialization.JsonConverter<Counted>
    {
        public override Counted Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            new(reader.GetInt32());

        public override void Write(System.Text.Json.Utf8JsonWriter writer, Counted value, System.Text.Json.JsonSerializerOptions options)
        {
            Counted.Serialised++;
            writer.WriteNumberValue(value.Value);
        }
    }
}
