using System.Security.Cryptography;
using Mirt.Delivery;
using Mirt.Host.ManyChat;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Delivery;

/// <summary>
/// Holds what the delivery parts of one process share: the store, the settings, this replica's owner id, the clock,
/// the wake-ups and, when push is possible, the ManyChat client.
/// </summary>
internal sealed class DeliveryRuntime
{
    /// <summary>Creates the runtime.</summary>
    /// <param name="store">The inbox and outbox.</param>
    /// <param name="assistant">The assistant that runs turns and renders the delivery texts.</param>
    /// <param name="settings">The delivery settings.</param>
    /// <param name="client">The ManyChat API client, or <see langword="null"/> without an API key.</param>
    /// <param name="time">The clock.</param>
    public DeliveryRuntime(IDeliveryStore store, SalesAssistant assistant, DeliverySettings settings, ManyChatClient? client, TimeProvider time)
    {
        Store = store;
        Assistant = assistant;
        Settings = settings;
        Client = client;
        Time = time;
        TurnWake = new WakeSignal(time);
        PushWake = new WakeSignal(time);
        Mode = settings.Mode == ReplyMode.Hybrid && client is null ? ReplyMode.Response : settings.Mode;
        if (Mode == ReplyMode.Push && client is null)
        {
            throw new InvalidOperationException("MIRT_REPLY_MODE is push but MIRT_MANYCHAT_API_KEY is not set; set the key (see docs/OPERATIONS.md) or use hybrid/response.");
        }

        // Unique per process, readable in logs and lease rows: host name, process id and a random suffix (a restarted
        // process with a reused pid must not inherit the dead one's leases).
        Owner = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
    }

    /// <summary>Gets the inbox and outbox.</summary>
    public IDeliveryStore Store { get; }

    /// <summary>Gets the assistant.</summary>
    public SalesAssistant Assistant { get; }

    /// <summary>Gets the settings.</summary>
    public DeliverySettings Settings { get; }

    /// <summary>Gets the ManyChat API client, or <see langword="null"/> without an API key.</summary>
    public ManyChatClient? Client { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the mode in effect: hybrid without an API key runs as response mode.</summary>
    public ReplyMode Mode { get; }

    /// <summary>Gets this replica's owner id in lease rows.</summary>
    public string Owner { get; }

    /// <summary>Gets the wake-up of the turn dispatcher.</summary>
    public WakeSignal TurnWake { get; }

    /// <summary>Gets the wake-up of the outbox pusher.</summary>
    public WakeSignal PushWake { get; }

    /// <summary>Gets the wake-ups of waiting webhooks.</summary>
    public SubscriberPulses Pulses { get; } = new();

    /// <summary>Gets whether replies can be pushed (an API key is set).</summary>
    public bool CanPush => Client is not null;

    /// <summary>Gets the current time.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();
}
