namespace Mirt.Prompts.Tests.Fixtures;

public enum OrderStatus
{
    New,
    Paid,
}
