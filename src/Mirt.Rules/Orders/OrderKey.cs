using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mirt.Rules.Orders;

/// <summary>
/// Derives an order's idempotency key from the conversation, the items and the total, so that retries never create two
/// orders (see <c>shared/DOMAIN.md</c>, Order).
/// </summary>
/// <remarks>
/// The key is the lower-case hex SHA-256 of a canonical text: the conversation id, then one line per item sorted by SKU
/// (then size, colour, price, quantity, name, all ordinal), then the total. Fields are length-prefixed so no two inputs share a
/// text, and amounts are written without trailing zeros (2050 and 2050.00 agree). Pure and thread-safe.
/// </remarks>
public static class OrderKey
{
    /// <summary>Computes the idempotency key of an order.</summary>
    /// <param name="conversationId">The conversation (thread) id.</param>
    /// <param name="lines">The order items in any order; at least one.</param>
    /// <param name="totalUah">The order total in UAH.</param>
    /// <returns>64 lower-case hex characters; equal inputs give equal keys and any change gives another key.</returns>
    /// <exception cref="ArgumentException"><paramref name="conversationId"/> is empty, <paramref name="lines"/> is empty, or a line has an empty SKU.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> or one of its items is <see langword="null"/>.</exception>
    public static string Compute(string conversationId, IEnumerable<OrderLine> lines, decimal totalUah)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(lines);
        var items = lines.ToList();
        if (items.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line; pass the ordered items.", nameof(lines));
        }

        foreach (var line in items)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            ArgumentException.ThrowIfNullOrWhiteSpace(line.Sku, nameof(lines));
        }

        var canonical = new StringBuilder();
        Append(canonical, "conversation", conversationId);
        var sorted = items
            .OrderBy(l => l.Sku, StringComparer.Ordinal)
            .ThenBy(l => l.Size, StringComparer.Ordinal)
            .ThenBy(l => l.Color, StringComparer.Ordinal)
            .ThenBy(l => l.PriceUah)
            .ThenBy(l => l.Quantity)
            .ThenBy(l => l.ProductName, StringComparer.Ordinal);
        foreach (var line in sorted)
        {
            Append(canonical, "sku", line.Sku);
            Append(canonical, "name", line.ProductName);
            Append(canonical, "size", line.Size);
            Append(canonical, "color", line.Color);
            Append(canonical, "price", Amount(line.PriceUah));
            Append(canonical, "qty", line.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        Append(canonical, "total", Amount(totalUah));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static void Append(StringBuilder builder, string field, string? value)
    {
        var text = value ?? string.Empty;
        builder.Append(field).Append(':').Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text).Append('\n');
    }

    // 2050m and 2050.00m are the same amount; decimal keeps the scale, so strip trailing zeros before writing it.
    private static string Amount(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
