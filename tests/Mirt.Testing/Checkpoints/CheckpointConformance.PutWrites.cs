using FluentAssertions;
using Mirt.Graph.Checkpoints;
using Xunit;

namespace Mirt.Testing.Checkpoints;

/// <summary>PutWrites: pending writes stored against a checkpoint and loaded with it.</summary>
public abstract partial class CheckpointConformance
{
    [Fact]
    public async Task PutWrites_OneWrite_LoadsWithTheCheckpoint()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("channel1", "\"value1\"")], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().Equal(new PendingWrite("task-1", "channel1", "\"value1\""));
    }

    [Fact]
    public async Task PutWrites_SeveralInOneCall_LoadInCallOrder()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("ch1", "\"v1\""), Write("ch3", "\"v3\""), Write("ch2", "\"v2\"")], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().Equal(
            new PendingWrite("task-1", "ch1", "\"v1\""),
            new PendingWrite("task-1", "ch3", "\"v3\""),
            new PendingWrite("task-1", "ch2", "\"v2\""));
    }

    [Fact]
    public async Task PutWrites_DifferentTasks_AreKeptApart()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("ch", "\"from t2\"")], "task-2");
        await Saver.PutWritesAsync(stored, [Write("ch", "\"from t1\"")], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().Equal(
            new PendingWrite("task-1", "ch", "\"from t1\""),
            new PendingWrite("task-2", "ch", "\"from t2\""));
    }

    [Fact]
    public async Task PutWrites_PreservesTaskId()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        const string TaskId = "offer_node:3:0b8f6c1e-7c47-4f3e-9d1a-5b2a7e4c9f00";

        await Saver.PutWritesAsync(stored, [Write("ch", "1")], TaskId);

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Single().TaskId.Should().Be(TaskId);
    }

    [Fact]
    public async Task PutWrites_PreservesChannelAndJsonValue()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        const string Value = "{\"data\":123,\"list\":[null,\"Привіт\"], \"spaced\" : true}";

        await Saver.PutWritesAsync(stored, [Write("my_channel", Value)], "task-1");

        var write = (await Saver.GetTupleAsync(stored))!.PendingWrites.Single();
        write.Channel.Should().Be("my_channel");
        write.ValueJson.Should().Be(Value);
    }

    [Fact]
    public async Task PutWrites_WithTaskPath_OrdersTasksByPathFirst()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("ch", "\"b\"")], "task-a", "b:1");
        await Saver.PutWritesAsync(stored, [Write("ch", "\"a\"")], "task-z", "a:b:c");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Select(w => w.TaskId).Should().Equal("task-z", "task-a");
    }

    [Fact]
    public async Task PutWrites_SameTaskAgain_DoesNotDuplicate()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");
        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().Equal(new PendingWrite("task-1", "ch", "\"val\""));
    }

    [Fact]
    public async Task PutWrites_RegularWriteAgain_KeepsTheFirstValue()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("ch", "\"first\""), Write("other", "1")], "task-1");
        await Saver.PutWritesAsync(stored, [Write("ch", "\"second\"")], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().Equal(
            new PendingWrite("task-1", "ch", "\"first\""),
            new PendingWrite("task-1", "other", "1"));
    }

    [Fact]
    public async Task PutWrites_ErrorAndInterrupt_AreStored()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write(WriteChannels.Error, "\"something went wrong\""), Write(WriteChannels.Interrupt, "{\"reason\":\"human_input\"}")], "task-1");

        var writes = (await Saver.GetTupleAsync(stored))!.PendingWrites;
        writes.Should().ContainSingle(w => w.Channel == WriteChannels.Error).Which.ValueJson.Should().Be("\"something went wrong\"");
        writes.Should().ContainSingle(w => w.Channel == WriteChannels.Interrupt).Which.ValueJson.Should().Be("{\"reason\":\"human_input\"}");
    }

    [Fact]
    public async Task PutWrites_SpecialWriteAgain_ReplacesTheValue()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write(WriteChannels.Interrupt, "\"first\""), Write(WriteChannels.Error, "\"e1\"")], "task-1");
        await Saver.PutWritesAsync(stored, [Write(WriteChannels.Error, "\"e2\"")], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().Equal(
            new PendingWrite("task-1", WriteChannels.Interrupt, "\"first\""),
            new PendingWrite("task-1", WriteChannels.Error, "\"e2\""));
    }

    [Fact]
    public async Task PutWrites_Load_OrdersByTaskPathThenTaskIdThenIndex()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [Write("b", "1"), Write(WriteChannels.Error, "2"), Write("a", "3"), Write(WriteChannels.Resume, "4")], "task-2", "p");
        await Saver.PutWritesAsync(stored, [Write(WriteChannels.Scheduled, "5"), Write(WriteChannels.Interrupt, "6")], "task-1", "p");
        await Saver.PutWritesAsync(stored, [Write("z", "7")], "task-9", "");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Select(w => $"{w.TaskId}/{w.Channel}").Should().Equal(
            "task-9/z",
            $"task-1/{WriteChannels.Interrupt}",
            $"task-1/{WriteChannels.Scheduled}",
            $"task-2/{WriteChannels.Resume}",
            $"task-2/{WriteChannels.Error}",
            "task-2/b",
            "task-2/a");
    }

    [Fact]
    public async Task PutWrites_Namespaces_AreIsolated()
    {
        var root = await PutAsync(At("t1", ns: ""), NewCheckpoint("ck-same"));
        var child = await PutAsync(At("t1", ns: "child:1"), NewCheckpoint("ck-same"));

        await Saver.PutWritesAsync(root, [Write("ch", "\"root\"")], "task-root");
        await Saver.PutWritesAsync(child, [Write("ch", "\"child\"")], "task-child");

        (await Saver.GetTupleAsync(root))!.PendingWrites.Should().Equal(new PendingWrite("task-root", "ch", "\"root\""));
        (await Saver.GetTupleAsync(child))!.PendingWrites.Should().Equal(new PendingWrite("task-child", "ch", "\"child\""));
    }

    [Fact]
    public async Task PutWrites_NextCheckpoint_StartsWithNone()
    {
        var first = await PutAsync(At("t1"), NewCheckpoint(NextId(), 0));
        await Saver.PutWritesAsync(first, [Write("ch", "\"old write\"")], "task-1");

        var second = await PutAsync(first, NewCheckpoint(NextId(), 1));

        (await Saver.GetTupleAsync(second))!.PendingWrites.Should().BeEmpty();
        (await Saver.GetTupleAsync(first))!.PendingWrites.Should().ContainSingle("writes stay with the checkpoint they were stored against");
    }

    [Fact]
    public async Task PutWrites_ReplayedThroughASecondSaver_DoesNotDuplicate()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));
        await Saver.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        var second = await OpenSecondSaverAsync();
        await second.PutWritesAsync(stored, [Write("ch", "\"val\"")], "task-1");

        (await second.GetTupleAsync(stored))!.PendingWrites.Should().Equal(new PendingWrite("task-1", "ch", "\"val\""));
    }

    [Fact]
    public async Task PutWrites_EmptyList_StoresNothing()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        await Saver.PutWritesAsync(stored, [], "task-1");

        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().BeEmpty();
    }

    [Fact]
    public async Task PutWrites_WithoutCheckpointId_ThrowsArgumentException()
    {
        var act = () => Saver.PutWritesAsync(At("t1"), [Write("ch", "1")], "task-1");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Pending writes belong to a checkpoint*");
    }

    [Fact]
    public async Task PutWrites_EmptyTaskIdOrChannel_ThrowsArgumentException()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        var noTask = () => Saver.PutWritesAsync(stored, [Write("ch", "1")], " ");
        var noChannel = () => Saver.PutWritesAsync(stored, [Write("", "1")], "task-1");

        await noTask.Should().ThrowAsync<ArgumentException>();
        await noChannel.Should().ThrowAsync<ArgumentException>();
        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().BeEmpty();
    }

    [Fact]
    public async Task PutWrites_Cancelled_ThrowsAndStoresNothing()
    {
        var stored = await PutAsync(At("t1"), NewCheckpoint(NextId()));

        var act = () => Saver.PutWritesAsync(stored, [Write("ch", "1")], "task-1", cancellationToken: CancelledToken());

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Saver.GetTupleAsync(stored))!.PendingWrites.Should().BeEmpty();
    }
}
