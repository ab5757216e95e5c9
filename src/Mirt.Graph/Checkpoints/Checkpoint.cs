namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Captures the whole state of one thread after one superstep: every channel's serialised value, the
/// channel versions, and where the next turn resumes.
/// </summary>
/// <param name="Id">Identifies the checkpoint; ids of one thread sort in creation order (ordinal string compare).</param>
/// <param name="Step">Counts supersteps in the thread: -1 for the input checkpoint of the first turn, then 0, 1, 2….</param>
/// <param name="CreatedAt">Records when the checkpoint was taken (UTC, from the graph's <see cref="TimeProvider"/>).</param>
/// <param name="ChannelValues">Maps each stored channel name to its value as UTF-8 JSON text. A loaded checkpoint carries
/// every value; a checkpoint passed to a put needs only the values it writes (its new versions).</param>
/// <param name="ChannelVersions">Maps each stored channel to the version of its value (a channel whose version has no
/// stored value loads absent). The graph runner
/// uses content versions (a hash of the JSON, see <c>StateSchema.Encode</c>), so one version always names one value;
/// stores treat versions as opaque.</param>
/// <param name="Next">Names the nodes that run next; empty when the bot waits for the customer.</param>
/// <param name="GraphVersion">States the version of the graph that wrote the checkpoint (see <c>GraphBuilder.WithVersion</c>).</param>
public sealed record Checkpoint(
    string Id,
    int Step,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> ChannelValues,
    IReadOnlyDictionary<string, long> ChannelVersions,
    IReadOnlyList<string> Next,
    int GraphVersion);
