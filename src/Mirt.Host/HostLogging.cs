namespace Mirt.Host;

/// <summary>Builds the logger factory the stores log through (slow checkpoint operations, migrations).</summary>
internal static class HostLogging
{
    /// <summary>Creates a factory that writes single-line logs to standard error, so standard output keeps only replies.</summary>
    /// <param name="configuration">The configuration; its <c>Logging</c> section applies.</param>
    /// <returns>The factory; the caller disposes it.</returns>
    public static ILoggerFactory ForStores(IConfiguration configuration) =>
        LoggerFactory.Create(b => b
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Mirt", LogLevel.Information));
}
