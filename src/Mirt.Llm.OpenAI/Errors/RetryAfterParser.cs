using System.ClientModel.Primitives;
using System.Globalization;

namespace Mirt.Llm.OpenAI.Errors;

/// <summary>Reads how long a server asked the client to wait from the headers OpenAI-compatible servers send.</summary>
internal static class RetryAfterParser
{
    /// <summary>Returns the delay from <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c>, in that order.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time, to turn an HTTP date into a delay.</param>
    /// <returns>The delay (never negative), or <see langword="null"/> when no header holds a usable value.</returns>
    public static TimeSpan? Parse(PipelineResponseHeaders headers, DateTimeOffset now)
    {
        foreach (var name in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && double.IsFinite(milliseconds))
            {
                return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
            }
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
