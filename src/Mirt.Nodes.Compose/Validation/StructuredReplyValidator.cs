using System.Text.Json;
using Mirt.Nodes.Compose.Contract;

namespace Mirt.Nodes.Compose.Validation;

/// <summary>
/// Decides whether a model answer may reach the customer (issue 4, structured reply contract): it must be JSON that
/// matches <see cref="StructuredReplySchema"/>, name only catalog SKUs with sizes the grid rule gives, name no price
/// the catalog or the payment terms do not give, keep requisites exact, end in a state the sales state machine
/// permits, be Ukrainian, and leak nothing internal.
/// </summary>
/// <remarks>Pure and thread-safe: the same answer and context always give the same errors, in check order.</remarks>
public static partial class StructuredReplyValidator
{
    /// <summary>Validates one model answer.</summary>
    /// <param name="answer">The model's text; a JSON object, optionally inside a Markdown code fence.</param>
    /// <param name="context">The facts of the turn.</param>
    /// <returns>The parsed reply and every error found; when the answer does not parse or match the schema, only
    /// those errors (the other checks need a parsed reply).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ReplyValidation Validate(string answer, ReplyValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<ReplyError>();
        var reply = Parse(answer, errors);
        if (reply is null)
        {
            return new ReplyValidation(null, errors);
        }

        CheckBubbles(reply.Replies, context, errors);
        ProductCheck.Check(reply.Products, context.Shop.Catalog, context.HeightCm, errors);
        CheckPrices(reply, context, errors);
        CheckFacts(reply.Replies, context.ProtectedFacts, errors);
        CheckState(reply.State, context, errors);
        CheckText(reply.Replies, context, errors);
        return new ReplyValidation(reply, errors);
    }

    private static StructuredReply? Parse(string answer, List<ReplyError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripFence(answer));
        }
        catch (JsonException ex)
        {
            errors.Add(new(ReplyRules.Schema, $"The answer is not valid JSON ({ex.Message.Split('.')[0]}); answer with one JSON object only."));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(ReplyRules.Schema, "The answer must be one JSON object, not an array, a string or a number."));
                return null;
            }

            JsonSchemaCheck.Check(root, StructuredReplySchema.Schema, string.Empty, errors);
            if (errors.Count > 0)
            {
                return null;
            }

            try
            {
                return root.Deserialize<StructuredReply>(StructuredReplySchema.SerializerOptions);
            }
            catch (JsonException ex)
            {
                errors.Add(new(ReplyRules.Schema, $"The answer does not fit the reply contract ({ex.Message.Split('.')[0]})."));
                return null;
            }
        }
    }

    // Some models wrap JSON in a Markdown fence even when asked for a schema; the fence itself is harmless.
    private static string StripFence(string answer)
    {
        var text = answer.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? text[(firstLine + 1)..end] : text;
    }

    private static void CheckState(string state, ReplyValidationContext context, List<ReplyError> errors)
    {
        if (state != context.RuleState && !context.CanMove(context.RuleState, state))
        {
            errors.Add(new(ReplyRules.State, $"The state {state} cannot follow {context.RuleState} in the sales flow; keep {context.RuleState} or choose a state the flow permits from it."));
        }
    }
}
