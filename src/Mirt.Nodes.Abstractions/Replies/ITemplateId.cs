namespace Mirt.Nodes.Abstractions.Replies;

/// <summary>
/// Describes a template a node renders, so start-up can check every template exists and uses only known variables.
/// </summary>
public interface ITemplateId
{
    /// <summary>Gets the template path under <c>prompts/</c> without extension.</summary>
    string Name { get; }

    /// <summary>Gets the model type the template is rendered with.</summary>
    Type ModelType { get; }
}
