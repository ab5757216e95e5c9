namespace Mirt.Host.Tests;

/// <summary>Holds one webhook body of the fuzz corpus and what the host must do with it.</summary>
/// <param name="Kind">The generator that made it, for the failure report.</param>
/// <param name="Body">The raw bytes sent.</param>
/// <param name="Answered"><see langword="true"/> when the body is valid and must be answered 200 with a reply;
/// <see langword="false"/> when it must be refused with a 4xx and a reason.</param>
/// <param name="Token">The shared secret sent, or <see langword="null"/> for none.</param>
internal sealed record WebhookFuzzCase(string Kind, byte[] Body, bool Answered, string? Token = "test-secret")
{
    /// <summary>Gets the start of the body, printable, for the failure report.</summary>
    public string Preview => System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).ReplaceLineEndings(" ");
}
