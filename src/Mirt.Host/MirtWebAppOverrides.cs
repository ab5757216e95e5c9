using Microsoft.Extensions.AI;
using Mirt.Graph.Checkpoints;

namespace Mirt.Host;

/// <summary>Holds what <c>bench</c> puts in place of the settings' own parts when it builds the <c>serve</c> application.</summary>
/// <param name="Saver">The store (the bench's timing wrapper around the store it opened), instead of opening the one
/// the settings name.</param>
/// <param name="ChatClient">The model (the bench's scripted model with a latency distribution); <see langword="null"/>
/// runs without one, in degraded (rule-only) mode, whatever the settings configure.</param>
/// <param name="Delivery">The inbox and outbox, opened on the same database as <paramref name="Saver"/> (the settings
/// would name another: the bench never writes to <c>MIRT_DATA_DIR</c> or <c>MIRT_POSTGRES</c>); the caller disposes it.</param>
internal sealed record MirtWebAppOverrides(ICheckpointSaver Saver, IChatClient? ChatClient, Mirt.Delivery.IDeliveryStore Delivery);
