namespace Jsms.Features.Alerts;

/// <summary>What an engine or monitor wants to raise (the alert's content, before its marking).</summary>
internal sealed record AlertDraft(string Kind, AlertSeverity Severity, string Title, DateTime RaisedAt)
{
    public string? Detail { get; init; }
    public string? SubjectType { get; init; }
    public Guid? SubjectId { get; init; }
    /// <summary>Who or what it is about when not a record (a plate, a tracker's id).</summary>
    public string? SubjectLabel { get; init; }
    public Guid? SiteId { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>The observations behind it; stored as JSON.</summary>
    public object? Evidence { get; init; }
}
