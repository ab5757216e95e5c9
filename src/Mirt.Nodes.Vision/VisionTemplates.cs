using Mirt.Nodes.Abstractions.Replies;

namespace Mirt.Nodes.Vision;

/// <summary>
/// Declares the templates of the photo node.
/// </summary>
public static class VisionTemplates
{
    /// <summary>Gets the answer that availability is being checked while a manager looks at the photo.</summary>
    public static readonly TemplateId<NoModel> CheckingAvailability = new("vision/checking_availability");

    /// <summary>Gets every template above.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } = [CheckingAvailability];
}
