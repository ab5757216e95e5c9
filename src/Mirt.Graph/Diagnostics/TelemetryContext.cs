namespace Mirt.Graph.Diagnostics;

/// <summary>
/// Carries the release of the conversation being served (<c>stable</c> or <c>canary</c>) along the async flow of a
/// request, so every metric recorded while serving it carries the same <c>release</c> label.
/// </summary>
/// <remarks>The value lives in an <see cref="AsyncLocal{T}"/>: setting it inside a request affects that request's
/// flow and the work it awaits, never another request. A value set inside an awaited method does not flow back to the
/// caller, so set it before the turn starts (the host does this per webhook request). Thread-safe.</remarks>
public static class TelemetryContext
{
    /// <summary>Gets the release label of conversations served by the stable release.</summary>
    public const string StableRelease = "stable";

    /// <summary>Gets the release label of conversations served by the canary release.</summary>
    public const string CanaryRelease = "canary";

    private static readonly AsyncLocal<string?> CurrentRelease = new();

    /// <summary>Gets or sets the release label of the current async flow.</summary>
    /// <value><see cref="StableRelease"/> until something in this flow sets another value.</value>
    /// <exception cref="ArgumentException">The value set is empty or white space.</exception>
    public static string Release
    {
        get => CurrentRelease.Value ?? StableRelease;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            CurrentRelease.Value = value;
        }
    }

    /// <summary>Gets the metric tag every Mirt measurement carries: <c>release</c> = <see cref="Release"/>.</summary>
    public static KeyValuePair<string, object?> ReleaseTag => new(TelemetryTags.Release, Release);

    /// <summary>Sets <see cref="Release"/> until the returned scope is disposed, then restores the previous value.</summary>
    /// <param name="release">The release label, for example <see cref="CanaryRelease"/>.</param>
    /// <returns>A scope whose disposal restores the previous release.</returns>
    /// <exception cref="ArgumentException"><paramref name="release"/> is empty or white space.</exception>
    public static IDisposable UseRelease(string release)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(release);
        var previous = CurrentRelease.Value;
        CurrentRelease.Value = release;
        return new ReleaseScope(previous);
    }

    private sealed class ReleaseScope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentRelease.Value = previous;
    }
}
