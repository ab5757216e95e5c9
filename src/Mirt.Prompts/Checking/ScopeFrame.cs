using Mirt.Prompts.Models;

namespace Mirt.Prompts.Checking;

/// <summary>
/// One context a template reads from: the root model, an <c>#each</c> element or a <c>#with</c> value,
/// plus the block parameters and partial hash arguments visible there.
/// </summary>
/// <param name="Context">The shape that bare names resolve against.</param>
/// <param name="IsEach">True when <c>@index</c>, <c>@first</c>, <c>@last</c> and <c>@key</c> are set.</param>
/// <param name="Locals">Names bound by <c>as |x|</c> or by partial hash arguments.</param>
internal sealed record ScopeFrame(ModelShape Context, bool IsEach, IReadOnlyDictionary<string, ModelShape>? Locals = null);
