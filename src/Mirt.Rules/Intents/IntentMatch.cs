using Mirt.Rules.Domain;

namespace Mirt.Rules.Intents;

/// <summary>
/// Tells which intent a message carries and which rule decided it.
/// </summary>
/// <param name="Intent">The detected intent (one of the well-known values on <see cref="Domain.Intent"/>).</param>
/// <param name="Reason">The deciding rule for logs and tests, for example <c>COMPLAINT: '&lt;matched keyword&gt;'</c> or <c>PHOTO_IDENT: image attached</c>.</param>
public sealed record IntentMatch(Intent Intent, string Reason);
