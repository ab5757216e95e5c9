using Mirt.Nodes.Abstractions.Replies;
using Mirt.Nodes.Vision.Models;

namespace Mirt.Nodes.Vision;

/// <summary>
/// Declares the templates of the photo node: the customer's answers and the vision model's instructions.
/// </summary>
public static class VisionTemplates
{
    /// <summary>Gets the answer that availability is being checked while a manager looks at the photo.</summary>
    public static readonly TemplateId<NoModel> CheckingAvailability = new("vision/checking_availability");

    /// <summary>Gets the answer naming the recognised model; the size-and-offer flow's answer follows it.</summary>
    public static readonly TemplateId<RecognisedModel> Recognised = new("vision/recognised");

    /// <summary>Gets the vision model's system instructions: the catalog's visual descriptions and the decision rules.</summary>
    public static readonly TemplateId<IdentifyModel> Identify = new("vision/identify");

    /// <summary>Gets every template above.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } = [CheckingAvailability, Recognised, Identify];
}
