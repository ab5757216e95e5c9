using BenchmarkDotNet.Attributes;
using Mirt.Graph.Phases;
using Mirt.Rules.Intents;
using Mirt.Rules.Text;
using Mirt.Sales.Graph;

namespace Mirt.Benchmarks;

/// <summary>Rule evaluation and phase-machine transitions: the work every turn does before any template.</summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    // 200 characters of a typical Ukrainian customer message, written with escapes to keep source files ASCII.
    private const string Message =
        "\u0414\u043e\u0431\u0440\u0438\u0439 \u0434\u0435\u043d\u044c! \u0428\u0443\u043a\u0430\u044e \u0441\u0443\u043a\u043d\u044e \u0434\u043b\u044f \u0434\u043e\u043d\u044c\u043a\u0438 "
        + "\u043d\u0430 \u0432\u0438\u043f\u0443\u0441\u043a\u043d\u0438\u0439, \u0437\u0440\u0456\u0441\u0442 118 \u0441\u043c, \u0445\u043e\u0442\u0456\u043b\u043e\u0441\u044f \u0431 \u0440\u043e\u0436\u0435\u0432\u0443 "
        + "\u0430\u0431\u043e \u043c\u043e\u043b\u043e\u0447\u043d\u0443. \u042f\u043a\u0430 \u0446\u0456\u043d\u0430 \u0456 \u0447\u0438 \u0454 \u0434\u043e\u0441\u0442\u0430\u0432\u043a\u0430 "
        + "\u041d\u043e\u0432\u043e\u044e \u043f\u043e\u0448\u0442\u043e\u044e \u0434\u043e \u041a\u0438\u0454\u0432\u0430?";

    private readonly IntentDetector _detector = IntentDetector.Default;
    private StateMachine<string, string> _machine = null!;

    /// <summary>Warms the detector's data and freezes a machine copy.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _detector.Detect(TokenizedText.From(Message), hasImage: false);
        _machine = SalesStateMachine.Definition.WithState("STATE_4_OFFER");
    }

    /// <summary>Tokenises and detects the intent of a 200-character message.</summary>
    /// <returns>The match.</returns>
    [Benchmark(Description = "intent detection, 200-char message")]
    public IntentMatch DetectIntent() => _detector.Detect(TokenizedText.From(Message), hasImage: false);

    /// <summary>Checks one permitted transition of the sales phase machine.</summary>
    /// <returns>Whether it is permitted.</returns>
    [Benchmark(Description = "phase machine CanFire")]
    public bool PhaseTransition() => _machine.CanFire("STATE_5_PAYMENT_DELIVERY");
}
