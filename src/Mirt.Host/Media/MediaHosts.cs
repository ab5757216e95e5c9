namespace Mirt.Host.Media;

/// <summary>
/// Matches URL hosts against the allowed media hosts: an exact name, or <c>*.domain</c> for any subdomain of it.
/// </summary>
/// <param name="patterns">The validated patterns of <see cref="MediaFetchOptions.AllowedHosts"/>.</param>
internal sealed class MediaHosts(IReadOnlyList<string> patterns)
{
    private readonly string[] _exact = [.. patterns.Where(p => !p.StartsWith("*.", StringComparison.Ordinal)).Select(p => p.Trim().TrimEnd('.'))];
    private readonly string[] _suffixes = [.. patterns.Where(p => p.StartsWith("*.", StringComparison.Ordinal)).Select(p => p.Trim()[1..].TrimEnd('.'))];

    public bool Allows(string host)
    {
        var name = host.TrimEnd('.');
        return _exact.Any(e => string.Equals(e, name, StringComparison.OrdinalIgnoreCase))
            || _suffixes.Any(s => name.Length > s.Length && name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
