namespace Mirt.Rules.Orders;

/// <summary>
/// Describes one item of an order.
/// </summary>
/// <param name="Sku">The SKU of the colour variant, for example <c>ANNA-PINK</c>.</param>
/// <param name="ProductName">The model name shown to the customer.</param>
/// <param name="Size">The size label, for example <c>122-128</c> or <c>134</c>.</param>
/// <param name="Color">The canonical colour.</param>
/// <param name="PriceUah">The unit price in UAH.</param>
/// <param name="Quantity">The number of pieces, at least one.</param>
public sealed record OrderLine(string Sku, string ProductName, string Size, string Color, decimal PriceUah, int Quantity);
