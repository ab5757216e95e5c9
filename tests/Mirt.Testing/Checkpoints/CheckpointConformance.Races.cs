using System.Globalization;
using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>Races: concurrent writers, on one thread (fenced) and on many.</summary>
public abstract partial class CheckpointConformance
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Race_TwoFencedWritersOnOneHead_ExactlyOneWinsAndTheLoserSucceedsAfterReloading()
    {
        ICheckpointSaver[] writers = [Saver, await OpenSecondSaverAsync()];
        var root = NewCheckpoint(NextId(), 0, ("counter", 1, "0"));
        await PutAsync(At("race"), root, expectedHead: ExpectedHead.None);

        for (var round = 0; round < RaceRounds; round++)
        {
            var head = (await writers[round % 2].GetTupleAsync(At("race")))!.Checkpoint;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = writers.Select(writer => Task.Run(async () =>
            {
                await start.Task;
                return await TryAdvanceAsync(writer, head);
            })).ToArray();
            start.SetResult();
            var won = await Task.WhenAll(attempts).WaitAsync(RoundTimeout);

            won.Count(w => w).Should().Be(1, $"exactly one of two writers fenced on head '{head.Id}' may commit (round {round})");
            var loser = writers[Array.IndexOf(won, false)];
            var reloaded = (await loser.GetTupleAsync(At("race")))!.Checkpoint;
            reloaded.Step.Should().Be(head.Step + 1, $"the loser sees the winner's checkpoint after reloading (round {round})");
            (await TryAdvanceAsync(loser, reloaded).WaitAsync(RoundTimeout)).Should().BeTrue($"nobody races the loser's retry (round {round})");
        }

        var lineage = (await ListAsync(CheckpointQuery.ForThread("race"))).AsEnumerable().Reverse().ToList();
        lineage.Should().HaveCount(1 + (2 * RaceRounds));
        for (var i = 0; i < lineage.Count; i++)
        {
            var tuple = lineage[i];
            tuple.Checkpoint.Step.Should().Be(i);
            tuple.Checkpoint.ChannelValues["counter"].Should().Be(i.ToString(CultureInfo.InvariantCulture));
            CheckpointConfig? parent = i == 0 ? null : At("race", lineage[i - 1].Checkpoint.Id);
            tuple.ParentConfig.Should().Be(parent, $"the lineage stays linear: checkpoint {i}'s parent is the one before it");
        }
    }

    [Fact]
    public async Task Race_WritersOnDifferentThreads_AllChainsComplete()
    {
        const int Threads = 16;
        const int Steps = 5;
        var second = await OpenSecondSaverAsync();

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            var writer = t % 2 == 0 ? Saver : second;
            string? parent = null;
            for (var s = 0; s < Steps; s++)
            {
                var checkpoint = NewCheckpoint($"ck-{s:D2}", s, ("counter", s + 1, $"{(t * 100) + s}"));
                var stored = await writer.PutAsync(At($"thread-{t}", parent), checkpoint, Meta(s), expectedHead: ExpectedHead.Is(parent));
                parent = stored.CheckpointId;
            }
        }))).WaitAsync(TimeSpan.FromMinutes(2));

        for (var t = 0; t < Threads; t++)
        {
            var listed = await ListAsync(CheckpointQuery.ForThread($"thread-{t}"));
            listed.Select(x => x.Checkpoint.Id).Should().Equal("ck-04", "ck-03", "ck-02", "ck-01", "ck-00");
            listed[0].Checkpoint.ChannelValues["counter"].Should().Be($"{(t * 100) + 4}");
            listed[0].ParentConfig!.Value.CheckpointId.Should().Be("ck-03");
        }
    }

    [Fact]
    public async Task Race_ParallelTasksWritingAgainstOneCheckpoint_AllWritesAreStored()
    {
        const int Tasks = 24;
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        var second = await OpenSecondSaverAsync();

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Saver : second).PutWritesAsync(stored, [Write("ch", $"{i}"), Write("other", "0")], $"task-{i:D2}")))).WaitAsync(TimeSpan.FromMinutes(1));

        var writes = (await GetAsync("t1"))!.PendingWrites;
        writes.Should().HaveCount(Tasks * 2);
        writes.Where(w => w.Channel == "ch").Select(w => w.ValueJson).Should().Equal(Enumerable.Range(0, Tasks).Select(i => $"{i}"));
    }

    /// <summary>Puts the next checkpoint after <paramref name="head"/>, fenced on it.</summary>
    /// <returns><see langword="true"/> when it committed, <see langword="false"/> when another writer got there first.</returns>
    private async Task<bool> TryAdvanceAsync(ICheckpointSaver writer, Checkpoint head)
    {
        var step = head.Step + 1;
        var version = head.ChannelVersions["counter"] + 1;
        var checkpoint = NewCheckpoint(NextId(), step, ("counter", version, step.ToString(CultureInfo.InvariantCulture)));
        try
        {
            await writer.PutAsync(At("race", head.Id), checkpoint, Meta(step), Versions(("counter", version)), ExpectedHead.Is(head.Id));
            return true;
        }
        catch (CheckpointConflictException conflict)
        {
            conflict.ExpectedHead.Should().Be(head.Id);
            conflict.ActualHead.Should().NotBe(head.Id);
            return false;
        }
    }
}
