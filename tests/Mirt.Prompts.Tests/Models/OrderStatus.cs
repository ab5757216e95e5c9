namespace Mirt.Prompts.Tests.Models;

public enum OrderStatus
{
    New,
    Paid,
}
