using Mirt.Sales.Storage;

namespace Mirt.Sales.Assistant;

/// <summary>
/// Configures a <see cref="SalesAssistant"/>.
/// </summary>
public sealed class SalesAssistantOptions
{
    /// <summary>Gets where the embedded store lives (<c>MIRT_DATA_DIR</c>).</summary>
    /// <value>The default is <c>./.mirt</c>.</value>
    public string DataDirectory { get; init; } = ".mirt";

    /// <summary>Gets the store kind.</summary>
    /// <value>The default is <see cref="StoreKind.Sqlite"/>.</value>
    public StoreKind Store { get; init; } = StoreKind.Sqlite;

    /// <summary>Gets the PostgreSQL connection string used when <see cref="Store"/> is <see cref="StoreKind.Postgres"/>
    /// (<c>MIRT_POSTGRES</c>); never logged.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Gets whether PostgreSQL is reached through a transaction-pooling proxy such as PgBouncer or Supabase's
    /// pooler (<c>MIRT_POSTGRES_POOLER=transaction</c>): no server-side prepared statements, no session settings.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool PostgresBehindPooler { get; init; }

    /// <summary>Gets the most PostgreSQL connections this process opens (<c>MIRT_POSTGRES_MAX_POOL</c>).</summary>
    /// <value>The default is 8, the seeds' production setting.</value>
    public int PostgresMaxPoolSize { get; init; } = 8;

    /// <summary>Gets how many recently active conversations keep their latest state in memory, so their next turn
    /// skips the read of the head from the store (a stale entry is caught by the put's fence and reloaded).</summary>
    /// <value>The default is 512 conversations (a typical conversation's state is a few KB; a 300-turn one about 100 KB).</value>
    public int LatestCacheSize { get; init; } = 512;

    /// <summary>Gets when the node steps' checkpoints of a turn are written. Per turn (two commits: the customer's
    /// message at once, the steps together at the end) keeps a turn's database cost flat however many nodes run; a
    /// crash mid-turn keeps the message in the turn's input checkpoint, from which the graph runner's
    /// <c>ContinueAsync</c> finishes the turn. Per step writes each step before the next node.</summary>
    /// <value>The default is <see cref="Mirt.Graph.Execution.CheckpointDurability.Turn"/>.</value>
    public Mirt.Graph.Execution.CheckpointDurability Durability { get; init; } = Mirt.Graph.Execution.CheckpointDurability.Turn;

    /// <summary>Gets the logger factory stores log through (slow operations, migrations); <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Microsoft.Extensions.Logging.ILoggerFactory? Logging { get; init; }

    /// <summary>Gets a store to use instead of opening one by <see cref="Store"/>, for hosts and tests that build their
    /// own (a PostgreSQL saver, a measuring wrapper); the assistant does not dispose it.</summary>
    /// <value>The default is <see langword="null"/>: open the store <see cref="Store"/> names.</value>
    public Mirt.Graph.Checkpoints.ICheckpointSaver? Saver { get; init; }

    /// <summary>Gets the prompts directory (<c>MIRT_PROMPTS_DIR</c>); <see langword="null"/> finds it (see <see cref="Prompts.PromptsDirectory"/>).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? PromptsDirectory { get; init; }

    /// <summary>Gets a catalog file that replaces the embedded demo catalog (<c>MIRT_CATALOG</c>).</summary>
    /// <value>The default is <see langword="null"/>, the embedded demo catalog.</value>
    public string? CatalogFile { get; init; }

    /// <summary>Gets a shop-profile file that replaces the embedded one (<c>MIRT_SHOP</c>).</summary>
    /// <value>The default is <see langword="null"/>, the embedded demo profile.</value>
    public string? ShopFile { get; init; }

    /// <summary>Gets the fetcher that downloads customers' photos server-side for the vision model (the host's
    /// <c>HttpImageFetcher</c>: allowed media hosts only, size cap, content-type check); the assistant does not dispose it.</summary>
    /// <value>The default is <see langword="null"/>: photos go to a manager without recognition.</value>
    public Mirt.Nodes.Abstractions.Media.IImageFetcher? ImageFetcher { get; init; }

    /// <summary>Gets the chat client of the LLM path (the host builds it from <c>MIRT_LLM_ENDPOINT</c> with its
    /// middleware); the assistant does not dispose it.</summary>
    /// <value>The default is <see langword="null"/>: no LLM, every reply is the rule-only draft (degraded mode,
    /// <see cref="SalesAssistant.Degraded"/>).</value>
    public Microsoft.Extensions.AI.IChatClient? ChatClient { get; init; }

    /// <summary>Gets how the compose node uses the chat client: transcript window, repairs, deadline, reply limits.</summary>
    /// <value>The default is <see langword="null"/>: the defaults of <see cref="Mirt.Nodes.Compose.LlmReplyOptions"/>
    /// (last 20 messages, one repair, 7 s).</value>
    public Mirt.Nodes.Compose.LlmReplyOptions? LlmReply { get; init; }

    /// <summary>Gets the vision node's settings: the recognition threshold and the photo's own model budget.</summary>
    /// <value>The default is <see langword="null"/>: the defaults of <see cref="Mirt.Nodes.Vision.VisionOptions"/> (5 s).</value>
    public Mirt.Nodes.Vision.VisionOptions? Vision { get; init; }

    /// <summary>Gets the canary release: its share of conversations, testers and prompt set.</summary>
    /// <value>The default is <see langword="null"/>: every conversation is served by stable.</value>
    public Releases.CanaryOptions? Canary { get; init; }

    /// <summary>Gets the clock; golden tests pin it.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets the id generator for checkpoints; <see langword="null"/> uses a sortable generator.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Mirt.Graph.Time.IIdGenerator? Ids { get; init; }
}
