namespace Mirt.Graph.Tests.Phases;

public enum Phase
{
    Greeting,
    Selling,
    Browsing,
    Offer,
    Payment,
    Closed,
    Orphan,
}
