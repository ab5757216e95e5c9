namespace Mirt.Host.Cli;

/// <summary>
/// Reports Prometheus exposition text that breaks the text format (version 0.0.4), or histogram series that are not
/// cumulative; the message names the line or series and what is wrong.
/// </summary>
public sealed class PrometheusFormatException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PrometheusFormatException"/> class.</summary>
    public PrometheusFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PrometheusFormatException"/> class.</summary>
    /// <param name="message">A sentence naming the line or series and what is wrong with it.</param>
    public PrometheusFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PrometheusFormatException"/> class.</summary>
    /// <param name="message">A sentence naming the line or series and what is wrong with it.</param>
    /// <param name="innerException">The underlying error.</param>
    public PrometheusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
