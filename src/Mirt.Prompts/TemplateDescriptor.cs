namespace Mirt.Prompts;

/// <summary>
/// Names a template the application renders and the model type it renders it with.
/// </summary>
/// <param name="Name">
/// Names the template by its path relative to the prompts directory, without the <c>.hbs</c> extension and with
/// forward slashes, for example <c>offer/made</c> for <c>prompts/offer/made.hbs</c>.
/// </param>
/// <param name="ModelType">
/// Gives the CLR type of the model passed to <see cref="PromptLibrary.Render(string, object)"/>; its public
/// properties, in camelCase, are the only variables the template may reference.
/// </param>
public sealed record TemplateDescriptor(string Name, Type ModelType);
