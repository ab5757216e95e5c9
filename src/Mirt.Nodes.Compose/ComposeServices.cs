using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mirt.Graph.Execution;
using Mirt.Nodes.Abstractions.Flow;
using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Compose.Validation;

namespace Mirt.Nodes.Compose;

/// <summary>
/// Resolves what the compose node reads from the node services: the chat client (none means degraded), its options,
/// the state machine's check, the renderer, the shop data and a logger.
/// </summary>
internal sealed record ComposeServices(
    IChatClient? Client,
    LlmReplyOptions Options,
    PermittedTransition CanMove,
    IReplyRenderer Renderer,
    ShopData Shop,
    ILogger Logger)
{
    /// <summary>The log category of the compose node.</summary>
    public const string LogCategory = "Mirt.Nodes.Compose";

    private static readonly LlmReplyOptions Defaults = new();

    // Without the machine's check only staying in the rules' state passes, which is always safe.
    private static readonly PermittedTransition StayOnly = (_, _) => false;

    public static ComposeServices From(NodeContext context)
    {
        var services = context.Services;
        var renderer = services.GetService(typeof(IReplyRenderer)) as IReplyRenderer
            ?? throw new InvalidOperationException("No IReplyRenderer is registered; pass a service provider that has one in GraphRunnerOptions.Services.");
        var loggers = services.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
        return new ComposeServices(
            services.GetService(typeof(IChatClient)) as IChatClient,
            services.GetService(typeof(LlmReplyOptions)) as LlmReplyOptions ?? Defaults,
            services.GetService(typeof(PermittedTransition)) as PermittedTransition ?? StayOnly,
            renderer,
            context.Shop(),
            loggers?.CreateLogger(LogCategory) ?? NullLogger.Instance);
    }
}
