using Mirt.Prompts.Checking;
using Mirt.Prompts.Rendering;

namespace Mirt.Prompts.Loading;

/// <summary>
/// Everything <see cref="PromptLibrary.Load"/> and <see cref="PromptLinter.Lint"/> share: read the files, check every
/// template against its model, compile them, collect the problems.
/// </summary>
internal sealed class PromptAnalysis
{
    private PromptAnalysis(
        IReadOnlyList<PromptSource> sources,
        IReadOnlyDictionary<string, TemplateDescriptor> descriptors,
        IReadOnlyDictionary<string, CompiledPrompt> templates,
        ProblemCollector problems)
    {
        Sources = sources;
        Descriptors = descriptors;
        Templates = templates;
        Problems = problems;
    }

    /// <summary>Gets every template file, ordered by relative path.</summary>
    public IReadOnlyList<PromptSource> Sources { get; }

    /// <summary>Gets the caller's descriptors by template name.</summary>
    public IReadOnlyDictionary<string, TemplateDescriptor> Descriptors { get; }

    /// <summary>Gets the described templates that compiled, by name.</summary>
    public IReadOnlyDictionary<string, CompiledPrompt> Templates { get; }

    /// <summary>Gets the problems found so far; the linter adds its own.</summary>
    public ProblemCollector Problems { get; }

    /// <summary>Reads, checks and compiles the templates under <paramref name="directory"/>.</summary>
    /// <exception cref="ArgumentException">A descriptor is invalid or repeated.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static PromptAnalysis Run(string directory, IEnumerable<TemplateDescriptor> templates)
    {
        var descriptors = DescriptorList.ToDictionary(templates);
        var sources = PromptSourceReader.Read(directory);
        var problems = new ProblemCollector();
        var byName = sources.ToDictionary(source => source.Name, StringComparer.Ordinal);
        var partials = sources
            .Where(source => source.IsShared)
            .ToDictionary(source => source.PartialName!, StringComparer.Ordinal);

        foreach (var name in descriptors.Keys.Where(name => !byName.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            problems.Add(
                name + PromptSourceReader.Extension,
                $"the template '{name}' has no file; create {name}{PromptSourceReader.Extension} or remove its TemplateDescriptor");
        }

        foreach (var source in sources)
        {
            var modelType = descriptors.TryGetValue(source.Name, out var descriptor) ? descriptor.ModelType : null;
            TemplateVariableChecker.Check(source, modelType, partials, problems);
        }

        var compiled = PromptCompiler.Compile(sources, descriptors.Keys.ToHashSet(StringComparer.Ordinal), problems);
        var ready = descriptors.Values
            .Where(descriptor => compiled.ContainsKey(descriptor.Name))
            .ToDictionary(descriptor => descriptor.Name, descriptor => new CompiledPrompt(descriptor, compiled[descriptor.Name]), StringComparer.Ordinal);
        return new PromptAnalysis(sources, descriptors, ready, problems);
    }
}
