namespace Mirt.Prompts.Loading;

/// <summary>Copies and validates the caller's template descriptors.</summary>
internal static class DescriptorList
{
    /// <summary>Returns the descriptors by name.</summary>
    /// <exception cref="ArgumentException">A descriptor is null, badly named or repeated.</exception>
    public static Dictionary<string, TemplateDescriptor> ToDictionary(IEnumerable<TemplateDescriptor> templates)
    {
        var byName = new Dictionary<string, TemplateDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in templates)
        {
            if (descriptor?.Name is not { } name || string.IsNullOrWhiteSpace(name) || descriptor.ModelType is null)
            {
                throw new ArgumentException(
                    "A TemplateDescriptor is null or has no name or model type; give each one a name such as 'offer/made' and a model type.",
                    nameof(templates));
            }

            if (name.EndsWith(PromptSourceReader.Extension, StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The template name '{name}' must be a relative path with forward slashes and no extension, such as 'offer/made'.",
                    nameof(templates));
            }

            if (!byName.TryAdd(name, descriptor))
            {
                throw new ArgumentException(
                    $"The template '{name}' is described twice; keep one TemplateDescriptor per template name.",
                    nameof(templates));
            }
        }

        return byName;
    }
}
