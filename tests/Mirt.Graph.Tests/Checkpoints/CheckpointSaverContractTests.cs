using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Tests.Checkpoints;

/// <summary>
/// States the observable behaviour every <see cref="ICheckpointSaver"/> must have; each saver runs it through a
/// derived class.
/// </summary>
public abstract class CheckpointSaverContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(5_897_932);

    private ICheckpointSaver? _saver;

    protected ICheckpointSaver Saver => _saver ?? throw new InvalidOperationException("The saver is created in InitializeAsync.");

    public async Task InitializeAsync() => _saver = await CreateSaverAsync();

    public virtual async Task DisposeAsync()
    {
        if (_saver is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetTupleAsync_AfterPut_ReturnsLatestCheckpoint()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("messages", 1, "[\"hi\"]")));
        await PutAsync("t1", "01", NewCheckpoint("02", 1, ("messages", 2, "[\"hi\",\"hello\"]")));

        var tuple = await Saver.GetTupleAsync(new CheckpointConfig("t1"));

        tuple.Should().NotBeNull();
        tuple!.Config.Should().Be(new CheckpointConfig("t1", "", "02"));
        tuple.Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["messages"] = "[\"hi\",\"hello\"]" });
    }

    [Fact]
    public async Task GetTupleAsync_ById_ReturnsThatCheckpointWithItsOwnValues()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("phase", 1, "\"greeting\"")));
        await PutAsync("t1", "01", NewCheckpoint("02", 1, ("phase", 2, "\"offer\"")));

        var tuple = await Saver.GetTupleAsync(new CheckpointConfig("t1", CheckpointId: "01"));

        tuple!.Checkpoint.Id.Should().Be("01");
        tuple.Checkpoint.ChannelValues["phase"].Should().Be("\"greeting\"");
        tuple.Checkpoint.ChannelVersions.Should().Equal(new Dictionary<string, long> { ["phase"] = 1 });
    }

    [Fact]
    public async Task GetTupleAsync_UnknownThreadOrId_ReturnsNull()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0));

        (await Saver.GetTupleAsync(new CheckpointConfig("nobody"))).Should().BeNull();
        (await Saver.GetTupleAsync(new CheckpointConfig("t1", CheckpointId: "99"))).Should().BeNull();
    }

    [Fact]
    public async Task PutAsync_ReturnsConfigAddressingTheStoredCheckpoint()
    {
        var config = await Saver.PutAsync(new CheckpointConfig("t1", "sub"), NewCheckpoint("01", 0), Metadata(0));

        config.Should().Be(new CheckpointConfig("t1", "sub", "01"));
        (await Saver.GetTupleAsync(config))!.Checkpoint.Id.Should().Be("01");
    }

    [Fact]
    public async Task PutAsync_WithParentInConfig_LinksParent()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0));
        await PutAsync("t1", "01", NewCheckpoint("02", 1));

        var first = await Saver.GetTupleAsync(new CheckpointConfig("t1", CheckpointId: "01"));
        var second = await Saver.GetTupleAsync(new CheckpointConfig("t1", CheckpointId: "02"));

        first!.ParentConfig.Should().BeNull();
        second!.ParentConfig.Should().Be(new CheckpointConfig("t1", "", "01"));
    }

    [Fact]
    public async Task ListAsync_SeveralCheckpoints_ReturnsNewestFirst()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0));
        await PutAsync("t1", "01", NewCheckpoint("03", 2));
        await PutAsync("t1", "03", NewCheckpoint("02", 1));

        var ids = await ListIdsAsync(new CheckpointConfig("t1"));

        ids.Should().Equal("03", "02", "01");
    }

    [Fact]
    public async Task ListAsync_WithLimit_ReturnsOnlyTheNewest()
    {
        for (var i = 1; i <= 5; i++)
        {
            await PutAsync("t1", i == 1 ? null : $"0{i - 1}", NewCheckpoint($"0{i}", i));
        }

        (await ListIdsAsync(new CheckpointConfig("t1"), 2)).Should().Equal("05", "04");
        (await ListIdsAsync(new CheckpointConfig("t1"), 0)).Should().BeEmpty();
        (await ListIdsAsync(new CheckpointConfig("t1"), 50)).Should().HaveCount(5);
    }

    [Fact]
    public async Task ListAsync_ValuesAndParents_LoadLikeGetTuple()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("a", 1, "1")));
        await PutAsync("t1", "01", NewCheckpoint("02", 1, ("a", 1, "1"), ("b", 1, "2")));

        var listed = await ListAsync(new CheckpointConfig("t1"));

        listed[0].Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        listed[0].ParentConfig.Should().Be(new CheckpointConfig("t1", "", "01"));
        listed[1].Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["a"] = "1" });
    }

    [Fact]
    public async Task ListAsync_UnknownThread_IsEmpty()
    {
        (await ListIdsAsync(new CheckpointConfig("nobody"))).Should().BeEmpty();
    }

    [Fact]
    public void ListAsync_NegativeLimit_ThrowsImmediately()
    {
        var act = () => Saver.ListAsync(new CheckpointConfig("t1"), -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Namespaces_OfOneThread_AreIsolated()
    {
        await Saver.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 0, ("a", 1, "\"root\"")), Metadata(0));
        await Saver.PutAsync(new CheckpointConfig("t1", "child"), NewCheckpoint("02", 0, ("a", 1, "\"child\"")), Metadata(0));

        var root = await Saver.GetTupleAsync(new CheckpointConfig("t1"));
        var child = await Saver.GetTupleAsync(new CheckpointConfig("t1", "child"));

        root!.Checkpoint.Id.Should().Be("01");
        root.Checkpoint.ChannelValues["a"].Should().Be("\"root\"");
        child!.Checkpoint.Id.Should().Be("02");
        child.Checkpoint.ChannelValues["a"].Should().Be("\"child\"");
        (await ListIdsAsync(new CheckpointConfig("t1"))).Should().Equal("01");
    }

    [Fact]
    public async Task Threads_AreIsolated()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("a", 1, "\"one\"")));
        await PutAsync("t2", null, NewCheckpoint("02", 0, ("a", 1, "\"two\"")));

        (await Saver.GetTupleAsync(new CheckpointConfig("t1")))!.Checkpoint.ChannelValues["a"].Should().Be("\"one\"");
        (await Saver.GetTupleAsync(new CheckpointConfig("t2")))!.Checkpoint.ChannelValues["a"].Should().Be("\"two\"");
        (await ListIdsAsync(new CheckpointConfig("t1"))).Should().Equal("01");
    }

    [Fact]
    public async Task PutAsync_OneChannelChanged_StoresOnlyThatValueAndOlderValuesStillLoad()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("messages", 1, "[\"hi\"]"), ("phase", 1, "\"greeting\"")));
        await PutAsync("t1", "01", NewCheckpoint("02", 1, ("messages", 1, "[\"hi\"]"), ("phase", 2, "\"offer\"")));

        var latest = await Saver.GetTupleAsync(new CheckpointConfig("t1"));
        var first = await Saver.GetTupleAsync(new CheckpointConfig("t1", CheckpointId: "01"));

        latest!.Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["messages"] = "[\"hi\"]", ["phase"] = "\"offer\"" });
        latest.Checkpoint.ChannelVersions.Should().Equal(new Dictionary<string, long> { ["messages"] = 1, ["phase"] = 2 });
        first!.Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["messages"] = "[\"hi\"]", ["phase"] = "\"greeting\"" });
        if (await CountStoredValuesAsync("t1") is { } rows)
        {
            rows.Should().Be(3, "the unchanged 'messages' version 1 is stored once and shared by both checkpoints");
        }
    }

    [Fact]
    public async Task PutAsync_ChannelMissingFromVersions_IsAbsentWhenLoaded()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("cart", 1, "[1]"), ("phase", 1, "\"offer\"")));
        await PutAsync("t1", "01", NewCheckpoint("02", 1, ("phase", 1, "\"offer\"")));

        var latest = await Saver.GetTupleAsync(new CheckpointConfig("t1"));

        latest!.Checkpoint.ChannelValues.Keys.Should().Equal("phase");
        latest.Checkpoint.ChannelVersions.Keys.Should().Equal("phase");
        (await Saver.GetTupleAsync(new CheckpointConfig("t1", CheckpointId: "01")))!.Checkpoint.ChannelValues.Should().ContainKey("cart");
    }

    [Fact]
    public async Task PutAsync_ChannelVersionedWithoutValue_RoundTripsAsVersionOnly()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("draft", 3, null), ("phase", 1, "\"offer\"")));

        var tuple = await Saver.GetTupleAsync(new CheckpointConfig("t1"));

        tuple!.Checkpoint.ChannelVersions.Should().Equal(new Dictionary<string, long> { ["draft"] = 3, ["phase"] = 1 });
        tuple.Checkpoint.ChannelValues.Keys.Should().Equal("phase");
    }

    [Fact]
    public async Task PutAsync_ValueWithoutVersion_ThrowsArgumentException()
    {
        var checkpoint = NewCheckpoint("01", 0) with { ChannelValues = new Dictionary<string, string> { ["orphan"] = "1" } };

        var act = () => Saver.PutAsync(new CheckpointConfig("t1"), checkpoint, Metadata(0));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Checkpoint '01' has a value for channel 'orphan' but no version*");
    }

    [Fact]
    public async Task PutAsync_ReusedChannelVersionWithDifferentValue_ThrowsAndStoresNothing()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("draft", 1, "\"old\"")));

        var act = () => PutAsync("t1", "01", NewCheckpoint("02", 1, ("draft", 1, "\"new\"")));

        await act.Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("Channel 'draft' of thread 't1' already has a different value stored at version 1*");
        (await ListIdsAsync(new CheckpointConfig("t1"))).Should().Equal("01");
    }

    [Fact]
    public async Task PutAsync_ExistingId_ThrowsAndKeepsTheOriginal()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("a", 1, "1")));

        var act = () => PutAsync("t1", null, NewCheckpoint("01", 5, ("a", 2, "2")));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Checkpoint '01' already exists in thread 't1'*");
        (await Saver.GetTupleAsync(new CheckpointConfig("t1")))!.Checkpoint.Step.Should().Be(0);
    }

    [Fact]
    public async Task PutAsync_EmptyThreadId_ThrowsArgumentException()
    {
        var act = () => Saver.PutAsync(new CheckpointConfig(" "), NewCheckpoint("01", 0), Metadata(0));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("The checkpoint config has no thread id*");
    }

    [Fact]
    public async Task PutAsync_CallerMutatesItsDictionariesAfterwards_StoredCheckpointUnchanged()
    {
        var values = new Dictionary<string, string> { ["a"] = "1" };
        var versions = new Dictionary<string, long> { ["a"] = 1 };
        var extra = new Dictionary<string, string> { ["phase"] = "offer" };
        await Saver.PutAsync(
            new CheckpointConfig("t1"),
            new Checkpoint("01", 0, Start, values, versions, ["n"], 1),
            new CheckpointMetadata("input", 0, null, extra));

        values["a"] = "2";
        versions["b"] = 1;
        extra["phase"] = "closed";

        var tuple = await Saver.GetTupleAsync(new CheckpointConfig("t1"));
        tuple!.Checkpoint.ChannelValues.Should().Equal(new Dictionary<string, string> { ["a"] = "1" });
        tuple.Checkpoint.ChannelVersions.Should().Equal(new Dictionary<string, long> { ["a"] = 1 });
        tuple.Metadata.Extra.Should().Equal(new Dictionary<string, string> { ["phase"] = "offer" });
    }

    [Fact]
    public async Task DeleteThreadAsync_RemovesEveryNamespaceOfThatThreadOnly()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("a", 1, "1")));
        await Saver.PutAsync(new CheckpointConfig("t1", "child"), NewCheckpoint("02", 0, ("a", 1, "1")), Metadata(0));
        await PutAsync("t2", null, NewCheckpoint("03", 0, ("a", 1, "1")));

        await Saver.DeleteThreadAsync("t1");

        (await Saver.GetTupleAsync(new CheckpointConfig("t1"))).Should().BeNull();
        (await Saver.GetTupleAsync(new CheckpointConfig("t1", "child"))).Should().BeNull();
        (await ListIdsAsync(new CheckpointConfig("t1"))).Should().BeEmpty();
        (await Saver.GetTupleAsync(new CheckpointConfig("t2")))!.Checkpoint.ChannelValues["a"].Should().Be("1");
        if (await CountStoredValuesAsync("t1") is { } rows)
        {
            rows.Should().Be(0);
        }
    }

    [Fact]
    public async Task DeleteThreadAsync_UnknownThread_DoesNothing()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0));

        await Saver.DeleteThreadAsync("nobody");

        (await Saver.GetTupleAsync(new CheckpointConfig("t1"))).Should().NotBeNull();
    }

    [Fact]
    public async Task DeleteThreadAsync_ThenPutSameIds_StartsFresh()
    {
        await PutAsync("t1", null, NewCheckpoint("01", 0, ("a", 1, "\"old\"")));
        await Saver.DeleteThreadAsync("t1");

        await PutAsync("t1", null, NewCheckpoint("01", 0, ("a", 1, "\"new\"")));

        (await Saver.GetTupleAsync(new CheckpointConfig("t1")))!.Checkpoint.ChannelValues["a"].Should().Be("\"new\"");
    }

    [Fact]
    public async Task Metadata_RoundTripsIncludingExtra()
    {
        var metadata = new CheckpointMetadata(
            CheckpointMetadata.LoopSource,
            7,
            "offer_node",
            new Dictionary<string, string> { ["phase"] = "Offer", ["lang"] = "uk", ["empty"] = "" });
        await Saver.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 7), metadata);

        var tuple = await Saver.GetTupleAsync(new CheckpointConfig("t1"));

        tuple!.Metadata.Source.Should().Be(CheckpointMetadata.LoopSource);
        tuple.Metadata.Step.Should().Be(7);
        tuple.Metadata.Node.Should().Be("offer_node");
        tuple.Metadata.Extra.Should().Equal(metadata.Extra);
    }

    [Fact]
    public async Task Metadata_WithoutNode_RoundTripsNull()
    {
        await Saver.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", -1), new CheckpointMetadata(CheckpointMetadata.InputSource, -1, null, new Dictionary<string, string>()));

        var tuple = await Saver.GetTupleAsync(new CheckpointConfig("t1"));

        tuple!.Metadata.Node.Should().BeNull();
        tuple.Metadata.Extra.Should().BeEmpty();
        tuple.Checkpoint.Step.Should().Be(-1);
    }

    [Fact]
    public async Task Checkpoint_NextGraphVersionCreatedAtAndStep_RoundTrip()
    {
        var createdAt = new DateTimeOffset(2025, 3, 14, 11, 26, 53, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var checkpoint = new Checkpoint("01", 4, createdAt, new Dictionary<string, string>(), new Dictionary<string, long>(), ["vision", "offer"], 12);
        await Saver.PutAsync(new CheckpointConfig("t1"), checkpoint, Metadata(4));

        var stored = (await Saver.GetTupleAsync(new CheckpointConfig("t1")))!.Checkpoint;

        stored.Next.Should().Equal("vision", "offer");
        stored.GraphVersion.Should().Be(12);
        stored.CreatedAt.Should().Be(createdAt);
        stored.CreatedAt.Offset.Should().Be(TimeSpan.FromHours(2));
        stored.CreatedAt.UtcTicks.Should().Be(createdAt.UtcTicks);
        stored.Step.Should().Be(4);
    }

    [Fact]
    public async Task PutAsync_ConcurrentlyToDifferentThreads_StoresEveryChain()
    {
        const int threads = 16;
        const int steps = 5;

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            string? parent = null;
            for (var s = 0; s < steps; s++)
            {
                var id = $"{s:d2}";
                await PutAsync($"thread-{t}", parent, NewCheckpoint(id, s, ("counter", s + 1, $"{t * 100 + s}")));
                parent = id;
            }
        })));

        for (var t = 0; t < threads; t++)
        {
            var listed = await ListAsync(new CheckpointConfig($"thread-{t}"));
            listed.Select(x => x.Checkpoint.Id).Should().Equal("04", "03", "02", "01", "00");
            listed[0].Checkpoint.ChannelValues["counter"].Should().Be($"{t * 100 + 4}");
            listed[0].ParentConfig!.Value.CheckpointId.Should().Be("03");
        }
    }

    [Fact]
    public async Task PutAsync_CancelledBeforehand_ThrowsAndStoresNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => Saver.PutAsync(new CheckpointConfig("t1"), NewCheckpoint("01", 0, ("a", 1, "1")), Metadata(0), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Saver.GetTupleAsync(new CheckpointConfig("t1"))).Should().BeNull();
        if (await CountStoredValuesAsync("t1") is { } rows)
        {
            rows.Should().Be(0);
        }
    }

    [Fact]
    public async Task GetTupleAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => Saver.GetTupleAsync(new CheckpointConfig("t1"), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    protected abstract Task<ICheckpointSaver> CreateSaverAsync();

    /// <summary>Counts the stored channel-value rows of a thread, or returns <see langword="null"/> when the saver cannot tell.</summary>
    protected virtual Task<long?> CountStoredValuesAsync(string threadId) => Task.FromResult<long?>(null);

    protected static Checkpoint NewCheckpoint(string id, int step, params (string Channel, long Version, string? Value)[] channels) =>
        new(
            id,
            step,
            Start.AddSeconds(step),
            channels.Where(c => c.Value is not null).ToDictionary(c => c.Channel, c => c.Value!),
            channels.ToDictionary(c => c.Channel, c => c.Version),
            [],
            1);

    protected static CheckpointMetadata Metadata(int step) =>
        new(CheckpointMetadata.LoopSource, step, "node", new Dictionary<string, string>());

    protected Task<CheckpointConfig> PutAsync(string threadId, string? parentId, Checkpoint checkpoint) =>
        Saver.PutAsync(new CheckpointConfig(threadId, CheckpointId: parentId), checkpoint, Metadata(checkpoint.Step));

    protected async Task<List<CheckpointTuple>> ListAsync(CheckpointConfig config, int? limit = null)
    {
        var result = new List<CheckpointTuple>();
        await foreach (var tuple in Saver.ListAsync(config, limit))
        {
            result.Add(tuple);
        }

        return result;
    }

    protected async Task<List<string>> ListIdsAsync(CheckpointConfig config, int? limit = null) =>
        (await ListAsync(config, limit)).Select(t => t.Checkpoint.Id).ToList();
}
