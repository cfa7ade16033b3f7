using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Alerts;

internal sealed record AlertDto(Guid Id, string Kind, AlertSeverity Severity, string Title, string? Detail, string? SubjectType, Guid? SubjectId,
    DateTime RaisedAt, AlertStatus Status, Guid? AssignedToUserId, DateTime? AcknowledgedAt, DateTime? ResolvedAt, string? ResolutionNote, string Tlp,
    string? SubjectLabel = null, Guid? SiteId = null, double? Latitude = null, double? Longitude = null, System.Text.Json.JsonElement? Evidence = null,
    long Sequence = 0, string? OwnerAgency = null, bool Redacted = false) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Alert);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Tlp);
}
