namespace Mirt.Graph.Migrations;

/// <summary>
/// Reports that a stored conversation cannot be run by this graph: it was written by another graph version and no
/// migration bridges the gap.
/// </summary>
public sealed class GraphMigrationException : Exception
{
    /// <summary>Creates the exception for a version gap.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="storedVersion">The version that wrote the checkpoint.</param>
    /// <param name="graphVersion">The version of the running graph.</param>
    /// <param name="missingFromVersion">The first version with no migration to the next, or <see langword="null"/> when
    /// the stored version is newer than the graph.</param>
    public GraphMigrationException(string threadId, int storedVersion, int graphVersion, int? missingFromVersion)
        : base(Describe(threadId, storedVersion, graphVersion, missingFromVersion))
    {
        ThreadId = threadId;
        StoredVersion = storedVersion;
        GraphVersion = graphVersion;
        MissingFromVersion = missingFromVersion;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public GraphMigrationException(string message)
        : base(message)
    {
        ThreadId = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GraphMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ThreadId = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public GraphMigrationException()
        : this("A stored conversation was written by another graph version and cannot be migrated.")
    {
    }

    /// <summary>Gets the thread whose checkpoint could not be migrated.</summary>
    public string ThreadId { get; }

    /// <summary>Gets the graph version that wrote the checkpoint.</summary>
    public int StoredVersion { get; }

    /// <summary>Gets the version of the graph that tried to run it.</summary>
    public int GraphVersion { get; }

    /// <summary>Gets the first version that has no migration to the next one, or <see langword="null"/> when the stored
    /// version is newer than the graph (a downgrade).</summary>
    public int? MissingFromVersion { get; }

    private static string Describe(string threadId, int stored, int graph, int? missing) => missing is { } from
        ? $"Thread '{threadId}' was written by graph version {stored}, but this graph is version {graph} and has no migration from version {from} to {from + 1}; register one with GraphBuilder.WithMigration({from}, …)."
        : $"Thread '{threadId}' was written by graph version {stored}, which is newer than this graph's version {graph}; run the newer graph, because downgrades are not migrated.";
}
