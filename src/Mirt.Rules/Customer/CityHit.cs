namespace Mirt.Rules.Customer;

/// <summary>
/// Locates one city name in a message.
/// </summary>
/// <param name="Name">The Ukrainian canonical name.</param>
/// <param name="TokenIndex">The index of the first token of the name.</param>
/// <param name="TokenCount">The number of tokens the name spans.</param>
internal readonly record struct CityHit(string Name, int TokenIndex, int TokenCount);
