using Mirt.Graph.Checkpoints;
using Mirt.Nodes.Abstractions.State;
using Mirt.Sales.Assistant;
using Mirt.Testing;

namespace Mirt.Sales.Tests;

/// <summary>Proves the stored conversation does not make each turn write more as the conversation grows.</summary>
public sealed class StorageGrowthTests
{
    private static readonly string[] Cycle = ["Є сукні?", "А яка ціна?", "Дякую, подумаю"];

    [Fact]
    public async Task HandleAsync_300Turns_BytesWrittenPerTurnStayFlat()
    {
        var saver = new MeasuringSaver(new InMemoryCheckpointSaver());
        await using var assistant = await SalesAssistant.CreateAsync(new SalesAssistantOptions
        {
            Saver = saver,
            PromptsDirectory = RepoPaths.Prompts,
            Time = new ManualTimeProvider(),
        });
        var perTurn = new List<long>();
        for (var turn = 0; turn < 300; turn++)
        {
            var before = saver.BytesWritten;
            await assistant.SayAsync("long-thread", Cycle[turn % Cycle.Length]);
            perTurn.Add(saver.BytesWritten - before);
        }

        var early = perTurn.Skip(9).Take(30).Average();
        var late = perTurn.Skip(270).Average();
        late.Should().BeLessThanOrEqualTo(early * 1.5, $"turn 10-39 wrote {early:F0} bytes per turn on average and turn 271-300 wrote {late:F0}");
        var transcript = await assistant.GetTranscriptAsync("long-thread");
        transcript.Count(e => e.Role == TranscriptEntry.CustomerRole).Should().Be(300, "the transcript keeps every customer line");
        transcript.Count(e => e.Role == TranscriptEntry.BotRole).Should().BeGreaterThanOrEqualTo(300, "every turn answers");
    }

    /// <summary>Counts the value bytes each put writes (the new versions only), passing every call to an in-memory store.</summary>
    private sealed class MeasuringSaver(ICheckpointSaver inner) : DelegatingCheckpointSaver(inner)
    {
        private long _bytes;

        public long BytesWritten => Interlocked.Read(ref _bytes);

        public override Task<CheckpointConfig> PutAsync(CheckpointConfig config, Checkpoint checkpoint, CheckpointMetadata metadata, IReadOnlyDictionary<string, long>? newVersions = null, ExpectedHead expectedHead = default, CancellationToken cancellationToken = default)
        {
            var written = (newVersions ?? checkpoint.ChannelVersions).Keys.Sum(c => (long)System.Text.Encoding.UTF8.GetByteCount(checkpoint.ChannelValues.GetValueOrDefault(c) ?? string.Empty));
            Interlocked.Add(ref _bytes, written);
            return base.PutAsync(config, checkpoint, metadata, newVersions, expectedHead, cancellationToken);
        }
    }
}
