namespace Mirt.Graph.State;

/// <summary>
/// Remembers what the store holds for a state: the stored channel versions, and the state's own channel versions
/// when it was encoded, so the next <see cref="StateSchema.Encode"/> serialises only channels written since.
/// </summary>
/// <param name="StoredVersions">Stored channel name → content version (log segments appear as <c>name#i</c>).</param>
/// <param name="StateVersions">Channel name → <see cref="GraphState.Versions"/> at encode or decode time.</param>
/// <remarks>Immutable.</remarks>
public sealed record StoredChannels(
    IReadOnlyDictionary<string, long> StoredVersions,
    IReadOnlyDictionary<string, long> StateVersions)
{
    /// <summary>Gets the record of an empty store.</summary>
    public static StoredChannels None { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long>());

    /// <summary>Gets each log channel's value as last encoded or decoded, so the next encode can skip its unchanged
    /// full segments instead of serialising and hashing the whole log again.</summary>
    internal IReadOnlyDictionary<string, object?> Logs { get; init; } = new Dictionary<string, object?>();
}

/// <summary>
/// The stored form of a state, ready for <c>ICheckpointSaver.PutAsync</c>.
/// </summary>
/// <param name="Values">Stored channel → JSON, for the channels in <paramref name="NewVersions"/> only.</param>
/// <param name="Versions">Every stored channel with a value → its content version (the checkpoint's version map).</param>
/// <param name="NewVersions">The channels whose value is not stored yet → version; the put writes only these.</param>
/// <param name="Stored">What the store holds once the put commits; pass it to the next encode.</param>
public sealed record EncodedState(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, long> Versions,
    IReadOnlyDictionary<string, long> NewVersions,
    StoredChannels Stored);
