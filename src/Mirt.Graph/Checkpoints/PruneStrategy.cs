namespace Mirt.Graph.Checkpoints;

/// <summary>Says what <see cref="ICheckpointSaver.PruneAsync"/> keeps of a thread.</summary>
public enum PruneStrategy
{
    /// <summary>Keep the latest checkpoint of each namespace; delete the older ones.</summary>
    KeepLatest = 0,

    /// <summary>Delete the whole thread.</summary>
    Delete = 1,
}
