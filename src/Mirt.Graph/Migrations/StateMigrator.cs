using Mirt.Graph.Building;
using Mirt.Graph.Checkpoints;
using Mirt.Graph.State;

namespace Mirt.Graph.Migrations;

/// <summary>
/// Loads the state of a stored checkpoint for running, migrating it step by step when an older graph version wrote it.
/// </summary>
internal static class StateMigrator
{
    /// <summary>Decodes a checkpoint and migrates it to the graph's version.</summary>
    /// <param name="graph">The graph that will run the state.</param>
    /// <param name="threadId">The thread, for the error message.</param>
    /// <param name="checkpoint">The stored checkpoint.</param>
    /// <returns>The state and what the store holds for it. After a migration every channel counts as written, so the
    /// next checkpoint compares each value with the stored one and stores the values the migration changed.</returns>
    /// <exception cref="GraphMigrationException">The checkpoint is newer than the graph, or a migration step is missing.</exception>
    public static (GraphState State, StoredChannels Stored) Load(ConversationGraph graph, string threadId, Checkpoint checkpoint)
    {
        var (state, stored) = graph.Schema.Decode(checkpoint);
        var version = checkpoint.GraphVersion;
        if (version == graph.Version)
        {
            return (state, stored);
        }

        if (version > graph.Version)
        {
            throw new GraphMigrationException(threadId, version, graph.Version, missingFromVersion: null);
        }

        for (var from = version; from < graph.Version; from++)
        {
            var migration = graph.GetMigration(from) ?? throw new GraphMigrationException(threadId, version, graph.Version, from);
            state = migration(state) ?? throw new InvalidOperationException($"The migration from graph version {from} returned no state; return the migrated GraphState.");
        }

        return (state, stored with { StateVersions = new Dictionary<string, long>() });
    }
}
