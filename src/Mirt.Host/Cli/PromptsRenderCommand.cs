using System.Text.Json;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Compose.Prompting;
using Mirt.Prompts;
using Mirt.Rules.Catalog;
using Mirt.Rules.Shop;
using Mirt.Sales.Prompts;

namespace Mirt.Host.Cli;

/// <summary>
/// Runs <c>mirt prompts render STATE [--sample FILE.json] [--template NAME] [--dir DIR]</c>: renders, from a sample
/// state, what the model receives in that state (or, with <c>--template</c>, one node template), so an author sees the
/// effect of an edit without a conversation.
/// </summary>
/// <remarks>Without <c>--sample</c> the first file under <c>prompts/samples/</c> whose <c>turn.state</c> is STATE is
/// used, else a sample built from the catalog. The state prompt is printed as one <c>--- ROLE ---</c> block per chat
/// message (<c>system</c>, <c>user</c>, <c>assistant</c>), the templates it used go to standard error. Exit codes: 0
/// rendered, 1 the templates have problems (listed like <c>prompts lint</c>), 2 usage (unknown state, template or
/// sample, a sample that does not fit).</remarks>
internal static class PromptsRenderCommand
{
    private static readonly string[] Options = ["--sample", "--template"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = PromptsOptions.Parse(args, Options, out var problem);
        if (options is null || options.Positional.Count != 1)
        {
            return await PromptsCommand.UsageErrorAsync(error, problem ?? "render takes exactly one STATE, e.g. STATE_4_OFFER").ConfigureAwait(false);
        }

        var state = options.Positional[0];
        try
        {
            var directory = options.ResolveDirectory();
            var sample = await PromptSampleFile.FindAsync(directory, state, options.Values.GetValueOrDefault("--sample"), cancellationToken).ConfigureAwait(false);
            PromptReplyRenderer renderer;
            try
            {
                renderer = PromptReplyRenderer.Load(directory);
            }
            catch (PromptValidationException ex)
            {
                foreach (var found in ex.Problems)
                {
                    await error.WriteLineAsync(found.ToString()).ConfigureAwait(false);
                }

                await error.WriteLineAsync($"mirt prompts: the templates under {directory} have {ex.Problems.Count} problem(s); run 'mirt prompts lint' and fix them first.").ConfigureAwait(false);
                return 1;
            }

            if (options.Values.TryGetValue("--template", out var template))
            {
                await output.WriteLineAsync($"--- {template} ---\n{RenderTemplate(directory, template, sample)}").ConfigureAwait(false);
                return 0;
            }

            var input = sample is null ? ComposeSample.For(LoadShop(), state) : ComposeSample.Parse(LoadShop(), sample.Json);
            if (!string.Equals(input.Turn.State, state, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"the sample {sample?.Path} is for {input.Turn.State}, not {state}; pass a sample of {state}");
            }

            var prompt = new LlmPromptComposer(renderer).Compose(input);
            foreach (var message in prompt.Messages)
            {
                await output.WriteLineAsync($"--- {message.Role.Value} ---\n{message.Text}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"mirt prompts: {state} from {sample?.Path ?? "a sample built from the catalog"}; templates: {string.Join(", ", prompt.Templates)}").ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or InvalidDataException or JsonException or ArgumentException)
        {
            var message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
            return await PromptsCommand.UsageErrorAsync(error, message.TrimEnd('.')).ConfigureAwait(false);
        }
    }

    /// <summary>Renders a node template with the model the sample gives for it.</summary>
    /// <exception cref="InvalidDataException">The template is unknown, or the sample has no fitting model for it.</exception>
    private static string RenderTemplate(string directory, string template, PromptSampleFile? sample)
    {
        var descriptor = PromptReplyRenderer.Descriptors.FirstOrDefault(d => d.Name == template)
            ?? throw new InvalidDataException($"unknown template '{template}' (known: {string.Join(", ", PromptReplyRenderer.Descriptors.Select(d => d.Name))})");
        if (template.StartsWith("llm/", StringComparison.Ordinal) && sample?.Sample.Templates?.ContainsKey(template) != true)
        {
            throw new InvalidDataException($"'{template}' is part of the model's prompt; run 'mirt prompts render STATE' without --template to see it composed from the sample's turn");
        }

        var model = sample is null
            ? throw new InvalidDataException($"no sample file to take the model of '{template}' from; pass --sample FILE.json with it under \"templates\"")
            : sample.Sample.ModelFor(template, descriptor.ModelType);
        return PromptLibrary.Load(directory, [descriptor]).Render(template, model);
    }

    /// <summary>Loads the catalog and shop profile the host would (<c>MIRT_CATALOG</c>, <c>MIRT_SHOP</c>, else the embedded ones).</summary>
    private static ShopData LoadShop()
    {
        var catalog = Environment.GetEnvironmentVariable("MIRT_CATALOG") is { Length: > 0 } catalogFile ? CatalogLoader.Load(catalogFile) : CatalogLoader.LoadDefault();
        var profile = Environment.GetEnvironmentVariable("MIRT_SHOP") is { Length: > 0 } shopFile ? ShopProfileLoader.Load(shopFile) : ShopProfileLoader.LoadDefault();
        return new ShopData(catalog, profile);
    }
}
