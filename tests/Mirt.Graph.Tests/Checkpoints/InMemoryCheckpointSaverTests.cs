using Mirt.Graph.Checkpoints;

namespace Mirt.Graph.Tests.Checkpoints;

/// <summary>Covers what only the in-memory store has: listings are snapshots, and loaded tuples share nothing with the
/// store. The shared contract runs in <see cref="InMemoryConformanceTests"/>.</summary>
public sealed class InMemoryCheckpointSaverTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly InMemoryCheckpointSaver _saver = new();

    [Fact]
    public async Task ListAsync_PutAfterTheCallButBeforeEnumerating_IsListed()
    {
        await PutAsync("ck-1");
        var listing = _saver.ListAsync(CheckpointQuery.ForThread("t1"));

        await PutAsync("ck-2");

        (await ToIdsAsync(listing)).Should().Equal("ck-2", "ck-1");
    }

    [Fact]
    public async Task ListAsync_PutWhileEnumerating_DoesNotDisturbTheSnapshot()
    {
        await PutAsync("ck-1");
        await PutAsync("ck-2");
        var seen = new List<string>();

        await foreach (var tuple in _saver.ListAsync(CheckpointQuery.ForThread("t1")))
        {
            seen.Add(tuple.Checkpoint.Id);
            await PutAsync($"ck-9{seen.Count}");
        }

        seen.Should().Equal("ck-2", "ck-1");
    }

    [Fact]
    public async Task GetTupleAsync_CallerMutatesTheLoadedValues_StoreUnchanged()
    {
        await PutAsync("ck-1");

        var loaded = await _saver.GetTupleAsync(new CheckpointConfig("t1"));
        ((IDictionary<string, string>)loaded!.Checkpoint.ChannelValues)["a"] = "\"changed\"";

        (await _saver.GetTupleAsync(new CheckpointConfig("t1")))!.Checkpoint.ChannelValues["a"].Should().Be("1");
    }

    private Task<CheckpointConfig> PutAsync(string id) =>
        _saver.PutAsync(
            new CheckpointConfig("t1"),
            new Checkpoint(id, 0, Start, new Dictionary<string, string> { ["a"] = "1" }, new Dictionary<string, long> { ["a"] = 1 }, [], 1),
            new CheckpointMetadata(CheckpointMetadata.LoopSource, 0, "node", new Dictionary<string, string>()));

    private static async Task<List<string>> ToIdsAsync(IAsyncEnumerable<CheckpointTuple> listing)
    {
        var ids = new List<string>();
        await foreach (var tuple in listing)
        {
            ids.Add(tuple.Checkpoint.Id);
        }

        return ids;
    }
}
