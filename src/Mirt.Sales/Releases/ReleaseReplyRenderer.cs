using Mirt.Graph.Diagnostics;
using Mirt.Nodes.Abstractions.Replies;

namespace Mirt.Sales.Releases;

/// <summary>
/// Renders with the canary's prompt set while a canary turn runs and with stable's otherwise, reading the release of
/// the turn from <see cref="TelemetryContext.Release"/> (the same value every metric of the turn is labelled with).
/// </summary>
/// <remarks>Thread-safe: the release travels with each turn's async flow.</remarks>
internal sealed class ReleaseReplyRenderer(IReplyRenderer stable, IReplyRenderer canary) : IReplyRenderer
{
    public string Render<TModel>(TemplateId<TModel> template, TModel model)
        where TModel : notnull =>
        (TelemetryContext.Release == TelemetryContext.CanaryRelease ? canary : stable).Render(template, model);
}
