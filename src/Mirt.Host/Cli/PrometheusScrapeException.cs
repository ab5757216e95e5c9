namespace Mirt.Host.Cli;

/// <summary>
/// Reports a <c>/metrics</c> endpoint that could not be scraped or served text that is not Prometheus exposition;
/// the CLI prints the message and exits with 2.
/// </summary>
public sealed class PrometheusScrapeException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PrometheusScrapeException"/> class.</summary>
    public PrometheusScrapeException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PrometheusScrapeException"/> class.</summary>
    /// <param name="message">A sentence naming the URL and the problem.</param>
    public PrometheusScrapeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PrometheusScrapeException"/> class.</summary>
    /// <param name="message">A sentence naming the URL and the problem.</param>
    /// <param name="innerException">The underlying error.</param>
    public PrometheusScrapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
