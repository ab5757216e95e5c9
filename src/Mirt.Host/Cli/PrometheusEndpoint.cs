namespace Mirt.Host.Cli;

/// <summary>
/// Scrapes a <c>/metrics</c> endpoint once over HTTP and parses the text, for the CLI commands that read it.
/// </summary>
internal static class PrometheusEndpoint
{
    /// <summary>How long one scrape may take; a host that cannot answer in this time gives no trustworthy verdict.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Reads an absolute http(s) URL from a command-line value.</summary>
    public static bool TryParseUrl(string? value, out Uri url)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }

    /// <summary>Gets and parses the metrics text.</summary>
    /// <exception cref="PrometheusScrapeException">The endpoint did not answer 200 in time, or its text is not valid
    /// Prometheus exposition; the message names the URL and the problem.</exception>
    public static async Task<PrometheusScrape> ScrapeAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout };
        string text;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new PrometheusScrapeException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}; point --metrics at the host's /metrics.");
            }

            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new PrometheusScrapeException($"{url} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusScrapeException($"{url} did not answer within {Timeout.TotalSeconds:0} s.", ex);
        }

        try
        {
            return PrometheusScrape.Parse(text);
        }
        catch (PrometheusFormatException ex)
        {
            throw new PrometheusScrapeException($"{url} did not serve valid Prometheus text: {ex.Message}", ex);
        }
    }
}
