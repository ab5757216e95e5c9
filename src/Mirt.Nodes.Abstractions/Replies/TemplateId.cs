namespace Mirt.Nodes.Abstractions.Replies;

/// <summary>
/// Names a reply template in <c>prompts/</c> together with the model type it is rendered with.
/// </summary>
/// <typeparam name="TModel">The model; its public properties are the template's variables (camelCase in templates).</typeparam>
/// <param name="Name">The template path under <c>prompts/</c> without extension, for example <c>offer/made</c>.</param>
public sealed record TemplateId<TModel>(string Name) : ITemplateId
    where TModel : notnull
{
    /// <inheritdoc />
    public Type ModelType => typeof(TModel);
}
