using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Put: storing a checkpoint and loading it back.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task Put_ReturnsConfigAddressingTheCheckpoint()
    {
        var id = NextId();

        var stored = await PutAsync(At("t1", ns: "sub"), NewCheckpoint(id, 0, ("k", 1, "\"v\"")), newVersions: Versions(("k", 1)));

        stored.Should().Be(At("t1", id, "sub"));
    }

    [Fact]
    public async Task Put_ThenGetTuple_ReturnsTheSameCheckpoint()
    {
        var id = NextId();

        var stored = await PutAsync(At("t1"), NewCheckpoint(id, -1, ("msg", 1, "\"hello\"")), Meta(-1, CheckpointMetadata.InputSource, null), Versions(("msg", 1)));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Checkpoint.Id.Should().Be(id);
        tuple.Checkpoint.ChannelValues.Should().Equal(Values(("msg", "\"hello\"")));
    }

    [Fact]
    public async Task Put_PreservesChannelValuesOfEveryJsonKind()
    {
        (string Channel, long Version, string? Value)[] channels =
        [
            ("string", 1, "\"hello\""),
            ("number", 1, "42"),
            ("decimal", 1, "-0.125e3"),
            ("list", 1, "[1,2,3]"),
            ("object", 1, "{\"nested\":true,\"deep\":{\"a\":[null,{}]}}"),
            ("null", 1, "null"),
            ("bool", 1, "false"),
            ("unicode", 1, "\"Привіт, 😀 \\u0000 \\\"quoted\\\"\\n\""),
            ("spaced", 1, " { \"kept\" : [ 1 , 2 ] } "),
        ];

        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, channels));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Checkpoint.ChannelValues.Should().Equal(channels.ToDictionary(c => c.Channel, c => c.Value!));
    }

    [Fact]
    public async Task Put_PreservesChannelVersions()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"x\""), ("b", 2, "\"y\""), ("big", long.MaxValue, "0")));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Checkpoint.ChannelVersions.Should().Equal(Versions(("a", 1), ("b", 2), ("big", long.MaxValue)));
    }

    [Fact]
    public async Task Put_PreservesNextNodesInOrder()
    {
        var checkpoint = NewCheckpoint(NextId(), 3) with { Next = ["vision", "offer", "aaa"] };

        var stored = await PutAsync(At("t1"), checkpoint);
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Checkpoint.Next.Should().Equal("vision", "offer", "aaa");
    }

    [Fact]
    public async Task Put_PreservesStepGraphVersionAndCreatedAt()
    {
        var createdAt = new DateTimeOffset(2025, 3, 14, 11, 26, 53, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var checkpoint = NewCheckpoint(NextId(), 4) with { CreatedAt = createdAt, GraphVersion = 12 };

        var stored = await PutAsync(At("t1"), checkpoint);
        var loaded = (await Saver.GetTupleAsync(stored))!.Checkpoint;

        loaded.Step.Should().Be(4);
        loaded.GraphVersion.Should().Be(12);
        loaded.CreatedAt.UtcTicks.Should().Be(createdAt.UtcTicks, "the creation time round-trips to the tick");
    }

    [Fact]
    public async Task Put_PreservesMetadata()
    {
        var metadata = Meta(3, CheckpointMetadata.LoopSource, "offer_node", ("custom_key", "custom_value"), ("empty", ""));

        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 3), metadata);
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Metadata.Source.Should().Be(CheckpointMetadata.LoopSource);
        tuple.Metadata.Step.Should().Be(3);
        tuple.Metadata.Node.Should().Be("offer_node");
        tuple.Metadata.Extra.Should().Equal(Filter(("custom_key", "custom_value"), ("empty", "")));
    }

    [Fact]
    public async Task Put_MetadataWithoutNode_LoadsNullNodeAndNoExtra()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), -1), Meta(-1, CheckpointMetadata.InputSource, node: null));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Metadata.Node.Should().BeNull();
        tuple.Metadata.Step.Should().Be(-1);
        tuple.Metadata.Extra.Should().BeEmpty();
    }

    [Fact]
    public async Task Put_MetadataValuesHoldingJsonText_RoundTripVerbatim()
    {
        const string Nested = "{\"profile\":{\"name\":\"alice\",\"tags\":[\"admin\",\"rag\"],\"empty\":{}},\"metrics\":[{\"score\":0.95}]}";
        var metadata = Meta(1, CheckpointMetadata.InputSource, null, ("user", Nested), ("quote", "\"'\\\n\t"), ("uk", "Слава"));

        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 1), metadata);
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Metadata.Source.Should().Be(CheckpointMetadata.InputSource);
        tuple.Metadata.Extra.Should().Equal(metadata.Extra);
    }

    [Fact]
    public async Task Put_PreservesRunId()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0), RunMeta("run-abc"));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Metadata.Extra.Should().Contain(CheckpointMetadata.RunIdKey, "run-abc");
    }

    [Fact]
    public async Task Put_RootNamespace_IsTheEmptyString()
    {
        var stored = await PutAsync(At("t1", ns: ""), NewCheckpoint(NextId()));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Config.Namespace.Should().BeEmpty();
    }

    [Fact]
    public async Task Put_ChildNamespace_RoundTrips()
    {
        var stored = await PutAsync(At("t1", ns: "child:abc"), NewCheckpoint(NextId()));
        var tuple = await Saver.GetTupleAsync(stored);

        tuple!.Config.Namespace.Should().Be("child:abc");
    }

    [Fact]
    public async Task Put_NamespaceLeftNull_DefaultsToTheRoot()
    {
        var id = NextId();
        var withoutNamespace = default(CheckpointConfig) with { ThreadId = "t1" };

        var stored = await PutAsync(withoutNamespace, NewCheckpoint(id));

        stored.Should().Be(At("t1", id, ""));
        (await GetAsync("t1"))!.Config.Should().Be(At("t1", id, ""));
    }

    [Fact]
    public async Task Put_SeveralCheckpointsInOneThread_AllLoadById()
    {
        var stored = await PutChainAsync("t1", 3);

        foreach (var config in stored)
        {
            (await Saver.GetTupleAsync(config))!.Checkpoint.Id.Should().Be(config.CheckpointId);
        }
    }

    [Fact]
    public async Task Put_DifferentThreads_AreIsolated()
    {
        await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("x", 1, "\"thread1\"")));
        await PutAsync(At("t2"), NewCheckpoint(NextId(), 0, ("x", 1, "\"thread2\"")));

        (await GetAsync("t1"))!.Checkpoint.ChannelValues["x"].Should().Be("\"thread1\"");
        (await GetAsync("t2"))!.Checkpoint.ChannelValues["x"].Should().Be("\"thread2\"");
    }

    [Fact]
    public async Task Put_ParentFromConfig_IsRecorded()
    {
        var first = await PutAsync(At("t1", ns: "sub"), NewCheckpoint(NextId(), 0));

        var second = await PutAsync(first, NewCheckpoint(NextId(), 1));

        (await Saver.GetTupleAsync(second))!.ParentConfig.Should().Be(first);
    }

    [Fact]
    public async Task Put_OnlyChangedChannelsAreWritten()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"v1\""), ("b", 1, "\"v2\"")), newVersions: Versions(("a", 1), ("b", 1)));

        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 2, "\"v1 updated\""), ("b", 1, "\"v2\"")), newVersions: Versions(("a", 2)));

        (await Saver.GetTupleAsync(second))!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "\"v1 updated\""), ("b", "\"v2\"")));
        (await Saver.GetTupleAsync(first))!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "\"v1\""), ("b", "\"v2\"")));
        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(3, "the unchanged 'b' version 1 is stored once and shared by both checkpoints");
        }
    }

    [Fact]
    public async Task Put_NewChannelInLaterCheckpoint_LoadsBesideUnchangedOnes()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"v1\"")), newVersions: Versions(("a", 1)));

        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 1, "\"v1\""), ("b", 1, "\"new channel\"")), newVersions: Versions(("b", 1)));

        (await Saver.GetTupleAsync(second))!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "\"v1\""), ("b", "\"new channel\"")));
        (await Saver.GetTupleAsync(first))!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "\"v1\"")));
    }

    [Fact]
    public async Task Put_ChannelDroppedFromVersions_IsAbsentWhenLoaded()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "\"v1\""), ("b", 1, "\"v2\"")));

        var second = await PutAsync(first, NewCheckpoint(NextId(), 1, ("a", 2, "\"v1 updated\"")), newVersions: Versions(("a", 2)));

        var loaded = (await Saver.GetTupleAsync(second))!.Checkpoint;
        loaded.ChannelValues.Should().Equal(Values(("a", "\"v1 updated\"")));
        loaded.ChannelVersions.Should().Equal(Versions(("a", 2)));
        (await Saver.GetTupleAsync(first))!.Checkpoint.ChannelValues.Should().ContainKey("b");
    }

    [Fact]
    public async Task Put_SameIdInAnotherThreadOrNamespace_IsAllowed()
    {
        const string Id = "ck-shared";

        await PutAsync(At("t1"), NewCheckpoint(Id, 0, ("a", 1, "\"root\"")));
        await PutAsync(At("t1", ns: "child"), NewCheckpoint(Id, 0, ("a", 1, "\"child\"")));
        await PutAsync(At("t2"), NewCheckpoint(Id, 0, ("a", 1, "\"other thread\"")));

        (await GetAsync("t1", Id))!.Checkpoint.ChannelValues["a"].Should().Be("\"root\"");
        (await GetAsync("t1", Id, "child"))!.Checkpoint.ChannelValues["a"].Should().Be("\"child\"");
        (await GetAsync("t2", Id))!.Checkpoint.ChannelValues["a"].Should().Be("\"other thread\"");
    }

    [Fact]
    public async Task Put_CallerMutatesItsDictionariesAfterwards_StoredCheckpointUnchanged()
    {
        var values = Values(("a", "1"));
        var versions = Versions(("a", 1));
        var extra = Filter(("phase", "offer"));
        List<string> next = ["n"];
        var stored = await Saver.PutAsync(At("t1"), new Checkpoint(NextId(), 0, Start, values, versions, next, 1), new CheckpointMetadata("input", 0, null, extra));

        values["a"] = "2";
        versions["b"] = 1;
        extra["phase"] = "closed";
        next.Add("m");

        var tuple = await Saver.GetTupleAsync(stored);
        tuple!.Checkpoint.ChannelValues.Should().Equal(Values(("a", "1")));
        tuple.Checkpoint.ChannelVersions.Should().Equal(Versions(("a", 1)));
        tuple.Checkpoint.Next.Should().Equal("n");
        tuple.Metadata.Extra.Should().Equal(Filter(("phase", "offer")));
    }
}
