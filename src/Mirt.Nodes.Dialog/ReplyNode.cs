using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Abstractions.State;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Finishes every turn's reply: puts the greeting line first once a day (see DOMAIN.md, Persona), answers with a
/// clarifying question when no node spoke (never an old reply), and splits the text into bubbles.
/// </summary>
/// <param name="maxBubbleBytes">The UTF-8 budget per bubble; Instagram's limit is 1000, 900 leaves a margin.</param>
public sealed class ReplyNode(int maxBubbleBytes = 900) : INode
{
    /// <inheritdoc />
    public ValueTask<NodeResult> InvokeAsync(NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var replies = context.Get(SalesKeys.Replies).ToList();
        var templates = context.Get(SalesKeys.Templates).ToList();
        var writes = new List<Graph.State.StateWrite>();
        if (replies.Count == 0)
        {
            replies.Add(Render(context, DialogTemplates.Clarify, NoModel.Instance, templates));
        }

        var today = GreetingNode.Today(context);
        if (context.Get(SalesKeys.LastGreetedOn) != today)
        {
            var shop = context.Shop().Shop;
            var hello = new WelcomeModel(context.Message().FirstName, shop.PersonaName, shop.ShopName);
            replies.Insert(0, Render(context, DialogTemplates.HelloLine, hello, templates, first: true));
            writes.Add(SalesKeys.LastGreetedOn.Set(today));
        }

        var bubbles = replies.SelectMany(r => BubbleSplitter.Split(r, maxBubbleBytes)).Where(b => b.Length > 0).ToList();

        writes.Add(SalesKeys.Transcript.Set(TranscriptLines(context, bubbles)));

        // Replies and Templates append on write; the final lists replace what the nodes appended.
        return ValueTask.FromResult(NodeResult.Continue(
            [.. writes, SalesKeys.Replies.Overwrite(bubbles), SalesKeys.Templates.Overwrite(templates)]));
    }

    private static List<TranscriptEntry> TranscriptLines(NodeContext context, List<string> bubbles)
    {
        var at = context.Time.GetUtcNow();
        var message = context.Message();
        var said = message.HasImage ? string.Join('\n', new[] { message.Text, message.ImageUrl! }.Where(t => t.Length > 0)) : message.Text;
        return [new(TranscriptEntry.CustomerRole, said, at), .. bubbles.Select(b => new TranscriptEntry(TranscriptEntry.BotRole, b, at))];
    }

    private static string Render<TModel>(NodeContext context, TemplateId<TModel> template, TModel model, List<string> templates, bool first = false)
        where TModel : notnull
    {
        if (first)
        {
            templates.Insert(0, template.Name);
        }
        else
        {
            templates.Add(template.Name);
        }

        return context.Render(template, model);
    }
}
