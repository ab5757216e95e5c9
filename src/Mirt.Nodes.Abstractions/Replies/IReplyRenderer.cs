namespace Mirt.Nodes.Abstractions.Replies;

/// <summary>
/// Renders reply templates to the text the customer sees.
/// </summary>
/// <remarks>Implementations are thread-safe and validated at start-up, so rendering a declared template never fails.</remarks>
public interface IReplyRenderer
{
    /// <summary>Renders a template.</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="template">The template.</param>
    /// <param name="model">The values for its variables.</param>
    /// <returns>The text, trimmed; may hold several bubbles separated by a line of three dashes.</returns>
    string Render<TModel>(TemplateId<TModel> template, TModel model)
        where TModel : notnull;
}
