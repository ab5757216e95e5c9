namespace Mirt.Nodes.Abstractions.Flow;

/// <summary>
/// Names the <c>ChatOptions.AdditionalProperties</c> keys the sales nodes put on every model call, which the LLM
/// middleware (metrics labels; its own copy is Mirt.Llm's LlmCallProperties, which node assemblies may not reference)
/// and scripted test models read.
/// </summary>
public static class ChatOptionKeys
{
    /// <summary>Gets the key of the calling node's name (<c>compose</c>, <c>vision</c>).</summary>
    public const string Node = "mirt.node";

    /// <summary>Gets the key of the conversation state the call serves (wire name).</summary>
    public const string State = "mirt.state";

    /// <summary>Gets the key of the intent the call serves (wire name).</summary>
    public const string Intent = "mirt.intent";

    /// <summary>Gets the key of a per-call deadline in milliseconds (an <see cref="int"/>) that replaces the LLM
    /// pipeline's default deadline for this call; vision calls use it for their own, longer budget. The pipeline
    /// (<c>Mirt.Llm.LlmCallProperties.DeadlineMs</c>) reads the same wire name.</summary>
    public const string DeadlineMs = "mirt.deadline_ms";
}
