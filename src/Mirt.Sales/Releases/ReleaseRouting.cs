using Mirt.Graph.Diagnostics;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Sales.Prompts;

namespace Mirt.Sales.Releases;

/// <summary>
/// Bundles what differs between stable and canary inside one assistant: who is on which release, the renderer that
/// picks the release's prompt set, and the drill-only fault delay. The graph and the store are shared.
/// </summary>
internal sealed class ReleaseRouting
{
    private readonly TimeSpan _faultDelay;

    private ReleaseRouting(ReleaseAssignment assignment, IReplyRenderer renderer, TimeSpan faultDelay)
    {
        Assignment = assignment;
        Renderer = renderer;
        _faultDelay = faultDelay;
    }

    public ReleaseAssignment Assignment { get; }

    public IReplyRenderer Renderer { get; }

    /// <summary>Validates the canary options and loads the canary's prompt set (every template, like stable's).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The percentage or fault delay is out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">The canary prompts directory does not exist.</exception>
    /// <exception cref="Mirt.Prompts.PromptValidationException">A canary template is missing or broken.</exception>
    public static ReleaseRouting Create(CanaryOptions? options, PromptReplyRenderer stable)
    {
        if (options is null)
        {
            return new ReleaseRouting(ReleaseAssignment.StableOnly, stable, TimeSpan.Zero);
        }

        options.Validate();
        var canary = stable;
        if (options.PromptsDirectory is { } directory)
        {
            canary = Directory.Exists(directory)
                ? PromptReplyRenderer.Load(Path.GetFullPath(directory))
                : throw new DirectoryNotFoundException($"The canary prompts directory '{directory}' (MIRT_CANARY_PROMPTS_DIR) does not exist; point it at a full copy of prompts/ with the canary's changes.");
        }

        return new ReleaseRouting(new ReleaseAssignment(options.Percent, options.AllowList), new ReleaseReplyRenderer(stable, canary), options.FaultDelay);
    }

    /// <summary>Waits the configured fault delay when the current turn is a canary turn; returns at once otherwise.</summary>
    public Task DelayIfCanaryAsync(TimeProvider time, CancellationToken cancellationToken) =>
        _faultDelay > TimeSpan.Zero && TelemetryContext.Release == TelemetryContext.CanaryRelease
            ? Task.Delay(_faultDelay, time, cancellationToken)
            : Task.CompletedTask;
}
