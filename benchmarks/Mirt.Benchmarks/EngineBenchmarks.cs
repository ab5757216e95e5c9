using BenchmarkDotNet.Attributes;
using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.Execution;
using Mirt.Graph.State;

namespace Mirt.Benchmarks;

/// <summary>
/// Engine overhead per node step: a turn through five trivial nodes on the in-memory store, no model, so what is
/// measured is the runner (state merge, routing, encoding, checkpoint put). Divide by 6 for one step (input + 5 nodes).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly StateKey<string> Text = new("text", "", StateKeyLifetime.Turn);
    private static readonly StateKey<int> Count = new("count", 0, (a, b) => a + b);
    private static readonly StateKey<string?> Phase = new("phase", null);

    private GraphRunner _runner = null!;
    private StateWrite[] _input = null!;
    private int _thread;

    /// <summary>Builds the five-node graph over a fresh in-memory store.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var builder = new GraphBuilder().AddState(Text, Count, Phase);
        string[] names = ["moderation", "intent", "discovery", "offer", "reply"];
        for (var i = 0; i < names.Length; i++)
        {
            var phase = names[i];
            builder.AddNode(names[i], _ => NodeResult.Continue(Count.Set(1), Phase.Set(phase)));
            builder.AddEdge(names[i], i + 1 < names.Length ? names[i + 1] : NodeName.End);
        }

        _runner = new GraphRunner(builder.SetEntry(names[0]).Build(), new InMemoryCheckpointSaver());
        _input = [Text.Set("hello")];
    }

    /// <summary>One turn on a new thread each time, so the store does not grow one thread without bound.</summary>
    /// <returns>The turn's result.</returns>
    [Benchmark(Description = "turn of 5 nodes (6 checkpoints), in-memory")]
    public Task<TurnResult> TurnOfFiveNodes() => _runner.RunTurnAsync($"t{_thread++ % 1024}", _input);
}
