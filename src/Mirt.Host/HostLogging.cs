using Mirt.Host.Observability;

namespace Mirt.Host;

/// <summary>Builds the logger factories the assistant logs through (slow checkpoint operations, migrations, the
/// <c>agent_step</c> and <c>checkpointer</c> markers).</summary>
internal static class HostLogging
{
    /// <summary>Creates a factory that writes single-line logs (text, or JSON with <c>MIRT_LOG_FORMAT=json</c>) to
    /// standard error, so standard output keeps only replies.</summary>
    /// <param name="configuration">The configuration; its <c>Logging</c> section applies.</param>
    /// <returns>The factory; the caller disposes it.</returns>
    public static ILoggerFactory ForStores(IConfiguration configuration) =>
        LoggerFactory.Create(b => b
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddMirtConsole(configuration)
            .AddFilter("Mirt", LogLevel.Information));

    /// <summary>Creates the factory of the CLI commands: like <see cref="ForStores"/>, without the per-step
    /// <c>agent_step</c> and <c>checkpointer</c> lines, which would bury a terminal conversation (warnings still show).</summary>
    /// <param name="configuration">The configuration; its <c>Logging</c> section applies.</param>
    /// <returns>The factory; the caller disposes it.</returns>
    public static ILoggerFactory ForCli(IConfiguration configuration) =>
        LoggerFactory.Create(b => b
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddMirtConsole(configuration)
            .AddFilter("Mirt", LogLevel.Information)
            .AddFilter(Mirt.Graph.Execution.GraphRunner.LogCategory, LogLevel.Warning)
            .AddFilter(Mirt.Sales.Assistant.SalesAssistant.CheckpointLogCategory, LogLevel.Warning));
}
