using System.Text.Json;
using Mirt.Rules.Data;

namespace Mirt.Rules.Shop;

/// <summary>
/// Loads and validates a <see cref="ShopProfile"/> from JSON in the shape of <c>Data/shop.json</c> (snake_case fields).
/// </summary>
/// <remarks>Stateless and thread-safe. Every call parses the file again; callers keep the result.</remarks>
public static class ShopProfileLoader
{
    private const string DefaultFileName = "shop.json";

    /// <summary>Loads the profile embedded in this assembly from <c>Data/shop.json</c>.</summary>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ShopProfileValidationException">The embedded file is broken; the message lists every problem.</exception>
    public static ShopProfile LoadDefault()
    {
        using var stream = RulesData.Open(DefaultFileName);
        return Load(stream);
    }

    /// <summary>Loads a profile from a JSON file on disk.</summary>
    /// <param name="path">The path of the JSON file.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ShopProfileValidationException">The file is not valid JSON or misses or breaks a field; the message lists every problem.</exception>
    public static ShopProfile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a profile from a stream of UTF-8 JSON; the caller keeps ownership of the stream.</summary>
    /// <param name="json">The stream to read.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ShopProfileValidationException">The stream is not valid JSON or misses or breaks a field; the message lists every problem.</exception>
    public static ShopProfile Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ShopProfileJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize(json, ShopJsonContext.Default.ShopProfileJson);
        }
        catch (JsonException ex)
        {
            throw new ShopProfileValidationException($"The shop profile is not valid JSON ({ex.Message}); fix the syntax of the shop data file.", ex);
        }

        return raw is null
            ? throw new ShopProfileValidationException("The shop profile file holds null; write a JSON object with persona_name, requisites and payment terms.")
            : Build(raw);
    }

    private static ShopProfile Build(ShopProfileJson raw)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        var requisites = raw.Requisites;
        var fee = raw.CashOnDeliveryFee;
        Require(!string.IsNullOrWhiteSpace(raw.PersonaName), "'persona_name' is required; name the manager the bot speaks as.");
        Require(!string.IsNullOrWhiteSpace(raw.ShopName), "'shop_name' is required.");
        Require(raw.AllowedEmoji is { Count: > 0 } && raw.AllowedEmoji.All(e => !string.IsNullOrWhiteSpace(e)), "'allowed_emoji' must list at least one emoji and no empty entry.");
        Require(requisites is not null, "'requisites' is required: recipient, iban, tax_id, bank and payment_purpose.");
        Require(requisites is null || !string.IsNullOrWhiteSpace(requisites.Recipient), "'requisites.recipient' is required.");
        Require(requisites is null || Iban.IsValidUkrainian(requisites.Iban), $"'requisites.iban' '{requisites?.Iban}' is not a valid Ukrainian IBAN (UA, 27 digits, mod-97 checksum).");
        Require(requisites is null || requisites.TaxId is { Length: 8 or 10 } id && id.All(char.IsAsciiDigit), $"'requisites.tax_id' '{requisites?.TaxId}' must be 8 or 10 digits.");
        Require(requisites is null || !string.IsNullOrWhiteSpace(requisites.Bank), "'requisites.bank' is required.");
        Require(requisites is null || !string.IsNullOrWhiteSpace(requisites.PaymentPurpose), "'requisites.payment_purpose' is required.");
        Require(raw.PrepaymentUah is > 0, $"'prepayment_uah' is {raw.PrepaymentUah}; set it above 0 UAH (200 in DOMAIN.md).");
        Require(fee?.Percent is >= 0 and < 100, $"'cash_on_delivery_fee.percent' is {fee?.Percent}; set 0 to below 100 (2 in DOMAIN.md).");
        Require(fee?.FixedUah is >= 0, $"'cash_on_delivery_fee.fixed_uah' is {fee?.FixedUah}; set 0 or more UAH (20 in DOMAIN.md).");
        Require(raw.MaxReplyChars is > 0, $"'max_reply_chars' is {raw.MaxReplyChars}; set it above 0 (900 in DOMAIN.md).");
        if (problems.Count > 0)
        {
            throw new ShopProfileValidationException(problems);
        }

        return new ShopProfile
        {
            PersonaName = raw.PersonaName!.Trim(),
            ShopName = raw.ShopName!.Trim(),
            AllowedEmoji = raw.AllowedEmoji!,
            Requisites = new PaymentRequisites(
                requisites!.Recipient!.Trim(), requisites.Iban!, requisites.TaxId!, requisites.Bank!.Trim(), requisites.PaymentPurpose!.Trim()),
            PrepaymentUah = raw.PrepaymentUah!.Value,
            CashOnDeliveryFeePercent = fee!.Percent!.Value,
            CashOnDeliveryFeeFixedUah = fee.FixedUah!.Value,
            MaxReplyChars = raw.MaxReplyChars!.Value,
        };
    }
}
