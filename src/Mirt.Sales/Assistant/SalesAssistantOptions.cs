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

    /// <summary>Gets the clock; golden tests pin it.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets the id generator for checkpoints; <see langword="null"/> uses a sortable generator.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Mirt.Graph.Time.IIdGenerator? Ids { get; init; }
}
