using Mirt.Nodes.Abstractions.Replies;

namespace Mirt.Nodes.Dialog;

/// <summary>
/// Declares the templates of the dialog nodes (greeting, small talk, complaint, out-of-domain, hand-off, fallback).
/// </summary>
public static class DialogTemplates
{
    /// <summary>Gets the full welcome after a bare greeting.</summary>
    public static readonly TemplateId<WelcomeModel> Welcome = new("greeting/welcome");

    /// <summary>Gets the short greeting line put before the first reply of a day.</summary>
    public static readonly TemplateId<WelcomeModel> HelloLine = new("greeting/hello_line");

    /// <summary>Gets the answer to thanks or a goodbye.</summary>
    public static readonly TemplateId<SmallTalkModel> Thanks = new("smalltalk/thanks");

    /// <summary>Gets the answer to a complaint (hand-off to a manager).</summary>
    public static readonly TemplateId<NoModel> ComplaintReceived = new("complaint/received");

    /// <summary>Gets the answer while a manager holds the conversation.</summary>
    public static readonly TemplateId<NoModel> HandoffWaiting = new("handoff/waiting");

    /// <summary>Gets the polite steer back from an out-of-domain topic.</summary>
    public static readonly TemplateId<NoModel> SteerBack = new("ood/steer_back");

    /// <summary>Gets the answer to a blocked message (injection or forbidden topic).</summary>
    public static readonly TemplateId<NoModel> ModerationBlock = new("ood/moderation_block");

    /// <summary>Gets the answer when no node said anything (never repeat an old reply).</summary>
    public static readonly TemplateId<NoModel> Clarify = new("fallback/clarify");

    /// <summary>Gets every template above.</summary>
    public static IReadOnlyList<ITemplateId> All { get; } =
        [Welcome, HelloLine, Thanks, ComplaintReceived, HandoffWaiting, SteerBack, ModerationBlock, Clarify];
}
