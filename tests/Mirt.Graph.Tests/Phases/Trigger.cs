namespace Mirt.Graph.Tests.Phases;

public enum Trigger
{
    Browse,
    Pick,
    Back,
    Pay,
    Cancel,
    Retry,
    Noise,
}
