namespace Mirt.Graph.Checkpoints;

/// <summary>
/// Names the special channels of pending writes and the fixed index each is stored at, so a task has at most one of
/// each and writing one again replaces it.
/// </summary>
public static class WriteChannels
{
    /// <summary>The task failed; the value describes the error.</summary>
    public const string Error = "__error__";

    /// <summary>The task is scheduled to run next.</summary>
    public const string Scheduled = "__scheduled__";

    /// <summary>The task paused for a human decision; the value is the interrupt payload.</summary>
    public const string Interrupt = "__interrupt__";

    /// <summary>The value a human resumed an interrupt with.</summary>
    public const string Resume = "__resume__";

    /// <summary>Gets the index a write is stored at: the fixed negative index of a special channel, otherwise its
    /// position in the call.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="position">The write's position in its <see cref="ICheckpointSaver.PutWritesAsync"/> call.</param>
    /// <returns>The storage index.</returns>
    public static int IndexOf(string channel, int position) => channel switch
    {
        Error => -1,
        Scheduled => -2,
        Interrupt => -3,
        Resume => -4,
        _ => position,
    };

    /// <summary>Tells whether a channel is special (its write replaces the stored one instead of being ignored).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for the special channels.</returns>
    public static bool IsSpecial(string channel) => IndexOf(channel, 0) < 0;
}
