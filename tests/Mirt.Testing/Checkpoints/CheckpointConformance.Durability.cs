using System.Text;
using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Durability: what survives a crash, large values, and how storage grows over many versions.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task Crash_WritesStoredBeforeTheNextCheckpoint_LoadWhenTheCheckpointIsLoadedAgain()
    {
        var parent = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("a", 1, "0")));
        var current = await PutAsync(parent, NewCheckpoint(NextId(), 1, ("a", 2, "1")), newVersions: Versions(("a", 2)));
        await Saver.PutWritesAsync(current, [Write("a", "2"), Write("b", "\"done\"")], "offer:1", "offer");
        await Saver.PutWritesAsync(current, [Write(WriteChannels.Error, "\"timeout\"")], "vision:1", "vision");

        // The process dies here: the next checkpoint is never put. A new saver over the same storage takes over.
        var restarted = await OpenSecondSaverAsync();
        var resumed = await restarted.GetTupleAsync(At("t1"));

        resumed!.Config.Should().Be(current);
        resumed.Checkpoint.ChannelValues.Should().Equal(Values(("a", "1")));
        resumed.PendingWrites.Should().Equal(
            new PendingWrite("offer:1", "a", "2"),
            new PendingWrite("offer:1", "b", "\"done\""),
            new PendingWrite("vision:1", WriteChannels.Error, "\"timeout\""));
        (await restarted.GetTupleAsync(current))!.PendingWrites.Should().HaveCount(3);
        (await restarted.GetTupleAsync(parent))!.PendingWrites.Should().BeEmpty();
    }

    [Fact]
    public async Task Reopen_SecondSaver_SeesEverythingTheFirstWrote()
    {
        var stored = await PutChainAsync("t1", 3, metadata: i => RunMeta($"run-{i}", i));
        await PutAsync(At("t1", ns: "child"), NewCheckpoint(NextId()));

        var second = await OpenSecondSaverAsync();

        (await ListAsync(new CheckpointQuery(), second)).Should().BeEquivalentTo(await ListAsync(new CheckpointQuery()), o => o.WithStrictOrdering());
        (await second.GetTupleAsync(stored[1]))!.Checkpoint.ChannelValues.Should().Equal(Values(("step", "1")));
    }

    [Fact]
    public async Task LargeValue_TenMegabytes_RoundTripsByteExact()
    {
        var value = LargeJsonString(10 * 1024 * 1024);
        var expected = Encoding.UTF8.GetBytes(value);

        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0, ("big", 1, value), ("small", 1, "1")));
        await Saver.PutWritesAsync(stored, [Write("big", value)], "task-1");

        var loaded = await (await OpenSecondSaverAsync()).GetTupleAsync(stored);
        var bytes = Encoding.UTF8.GetBytes(loaded!.Checkpoint.ChannelValues["big"]);
        bytes.Length.Should().Be(expected.Length);
        bytes.AsSpan().SequenceEqual(expected).Should().BeTrue("the 10 MB value must come back byte for byte");
        Encoding.UTF8.GetBytes(loaded.PendingWrites.Single().ValueJson).AsSpan().SequenceEqual(expected).Should().BeTrue();
        loaded.Checkpoint.ChannelValues["small"].Should().Be("1");
    }

    [Fact]
    public async Task ManyVersions_StorageGrowsOnlyWithChangedChannels()
    {
        const int Channels = 10;
        const int Steps = 60;
        var versions = Enumerable.Range(0, Channels).ToDictionary(c => $"ch{c}", _ => 1L);
        var values = versions.Keys.ToDictionary(c => c, c => $"\"{c} v1\"");
        var expected = new List<(CheckpointConfig Config, Dictionary<string, string> Values, Dictionary<string, long> Versions)>();
        CheckpointConfig parent = At("t1");
        for (var step = 0; step < Steps; step++)
        {
            var changed = step == 0 ? versions.Keys.ToList() : new List<string> { $"ch{step % Channels}" };
            if (step > 0)
            {
                var channel = changed[0];
                versions[channel]++;
                values[channel] = $"\"{channel} v{versions[channel]}\"";
            }

            var checkpoint = new Checkpoint(NextId(), step, Start.AddSeconds(step), new Dictionary<string, string>(values), new Dictionary<string, long>(versions), [], 1);
            parent = await PutAsync(parent, checkpoint, newVersions: changed.ToDictionary(c => c, c => versions[c]));
            expected.Add((parent, new Dictionary<string, string>(values), new Dictionary<string, long>(versions)));
        }

        foreach (var (config, stepValues, stepVersions) in expected)
        {
            var loaded = (await Saver.GetTupleAsync(config))!.Checkpoint;
            loaded.ChannelValues.Should().Equal(stepValues, $"checkpoint {config.CheckpointId} loads its own mix of versions");
            loaded.ChannelVersions.Should().Equal(stepVersions);
        }

        if (await CountStoredValuesAsync("t1") is { } stored)
        {
            stored.Should().Be(Channels + Steps - 1, "the first put stores every channel, each later one only the channel it changed");
        }
    }

    /// <summary>Builds a JSON string literal of at least <paramref name="utf8Bytes"/> UTF-8 bytes mixing ASCII,
    /// Cyrillic, emoji (surrogate pairs) and JSON escapes, from a fixed seed so every run is the same.</summary>
    private static string LargeJsonString(int utf8Bytes)
    {
        string[] pieces = ["abc", " ", "Привіт", "ї", "😀", "\\n", "\\\"", "\\u0000", "€", "0123456789", "\\\\", "{\\\"k\\\":[1]}"];
        var random = new Random(20250314);
        var text = new StringBuilder(utf8Bytes).Append('"');
        var bytes = 2;
        while (bytes < utf8Bytes)
        {
            var piece = pieces[random.Next(pieces.Length)];
            text.Append(piece);
            bytes += Encoding.UTF8.GetByteCount(piece);
        }

        return text.Append('"').ToString();
    }
}
