using System.Collections.Concurrent;
using System.Net;
using System.Reflection;

namespace Mirt.Llm.Errors;

/// <summary>
/// Decides, for an exception an LLM client threw, whether trying again may help (<see cref="IsTransient"/>) and which
/// <see cref="LlmFailureReason"/> it stands for (<see cref="ReasonOf"/>). These are the defaults of
/// <c>RetryOptions.IsTransient</c> and <c>FallbackOptions.ReasonOf</c>.
/// </summary>
/// <remarks>
/// <para>Adapters need not reference this assembly to be classified correctly: by convention an exception may expose a
/// public instance <c>bool IsTransient</c> property (its value wins) and a public <c>StatusCode</c> or <c>Status</c>
/// property (<see cref="int"/> or <see cref="HttpStatusCode"/>, nullable or not) holding the HTTP status. The OpenAI
/// adapter's exceptions follow it, and so does the official SDK's <c>ClientResultException.Status</c>. A convention
/// rather than an interface keeps the adapter free of a reference to the middleware; the property lookup is done once
/// per exception type.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class LlmErrorClassifier
{
    private static readonly ConcurrentDictionary<Type, Conventions> ByType = new();

    /// <summary>
    /// Tells whether an exception is worth one more attempt: an exception's own <c>IsTransient</c> property; else HTTP
    /// 408, 429 or 5xx; else a connection failure (<see cref="HttpRequestException"/> without a status,
    /// <see cref="IOException"/>) or a transport timeout (<see cref="TimeoutException"/>, or a cancellation caused by
    /// one, which is how <see cref="HttpClient.Timeout"/> surfaces). Never a plain cancellation, never an
    /// <see cref="LlmUnavailableException"/> (a verdict already reached, a spent deadline included), never another
    /// 4xx such as 400 or 401.
    /// </summary>
    /// <param name="exception">The exception an LLM client threw.</param>
    /// <returns><see langword="true"/> when a retry may succeed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is LlmUnavailableException)
        {
            return false;
        }

        if (exception is OperationCanceledException)
        {
            return exception.InnerException is TimeoutException;
        }

        if (ConventionsOf(exception.GetType()).IsTransient?.GetValue(exception) is bool flag)
        {
            return flag;
        }

        if (StatusCodeOf(exception) is { } status)
        {
            return status is 408 or 429 or >= 500;
        }

        return exception is HttpRequestException or IOException or TimeoutException;
    }

    /// <summary>
    /// Names why a call failed: the reason an <see cref="LlmUnavailableException"/> carries; <see cref="LlmFailureReason.Timeout"/>
    /// for a transport timeout; <see cref="LlmFailureReason.Auth"/> for HTTP 401 or 403;
    /// <see cref="LlmFailureReason.RateLimited"/> for HTTP 429; <see cref="LlmFailureReason.Error"/> otherwise.
    /// </summary>
    /// <param name="exception">The exception an LLM client threw.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static LlmFailureReason ReasonOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is LlmUnavailableException unavailable)
        {
            return unavailable.Reason;
        }

        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            // A transport timeout may arrive wrapped: an adapter's own exception over a cancellation over the timeout.
            if (cause is TimeoutException)
            {
                return LlmFailureReason.Timeout;
            }
        }

        return StatusCodeOf(exception) switch
        {
            401 or 403 => LlmFailureReason.Auth,
            429 => LlmFailureReason.RateLimited,
            _ => LlmFailureReason.Error,
        };
    }

    /// <summary>Reads the HTTP status an exception carries: <see cref="HttpRequestException.StatusCode"/>, or a public
    /// <c>StatusCode</c> or <c>Status</c> property by convention.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The status code, or <see langword="null"/> when the exception carries none (or 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static int? StatusCodeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var value = exception is HttpRequestException http
            ? http.StatusCode
            : ConventionsOf(exception.GetType()).Status?.GetValue(exception);
        int? status = value switch
        {
            int number => number,
            HttpStatusCode code => (int)code,
            _ => null,
        };
        return status is > 0 ? status : null;
    }

    private static Conventions ConventionsOf(Type type) => ByType.GetOrAdd(type, static t => new Conventions(
        Find(t, "IsTransient", typeof(bool)),
        Find(t, "StatusCode", typeof(int), typeof(int?), typeof(HttpStatusCode), typeof(HttpStatusCode?))
            ?? Find(t, "Status", typeof(int), typeof(int?), typeof(HttpStatusCode), typeof(HttpStatusCode?))));

    // GetProperties rather than GetProperty: a derived exception that hides a property with 'new' would make the
    // lookup ambiguous; the most derived declaration comes first.
    private static PropertyInfo? Find(Type type, string name, params Type[] types) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
            p.Name == name && p.CanRead && p.GetIndexParameters().Length == 0 && types.Contains(p.PropertyType));

    private sealed record Conventions(PropertyInfo? IsTransient, PropertyInfo? Status);
}
