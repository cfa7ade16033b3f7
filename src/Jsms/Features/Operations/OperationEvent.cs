namespace Jsms.Features.Operations;

/// <summary>A step on an operation's timeline: a status change, a linked incident, a recorded outcome.</summary>
internal sealed class OperationEvent
{
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>"status", "incident" or "outcome".</summary>
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public Guid UserId { get; set; }
}
