using HandlebarsDotNet;
using Mirt.Prompts.Models;

namespace Mirt.Prompts.Rendering;

/// <summary>A described template compiled once at load; rendering is thread-safe.</summary>
/// <param name="Descriptor">The template name and the model type it is rendered with.</param>
/// <param name="Template">The compiled Handlebars.Net delegate.</param>
internal sealed record CompiledPrompt(TemplateDescriptor Descriptor, HandlebarsTemplate<object, object> Template)
{
    /// <summary>Renders <paramref name="model"/> and tidies the text.</summary>
    /// <exception cref="ArgumentException">The model is not a <see cref="TemplateDescriptor.ModelType"/>.</exception>
    public string Render(object model)
    {
        if (!Descriptor.ModelType.IsInstanceOfType(model))
        {
            throw new ArgumentException(
                $"The template '{Descriptor.Name}' is rendered with a {Descriptor.ModelType.Name} model but got a {model.GetType().Name}; pass the model type its TemplateDescriptor names.",
                nameof(model));
        }

        var tree = ModelTreeConverter.ToTree(model, Descriptor.ModelType);
        return OutputNormalizer.Normalize(Template(tree!));
    }
}
