namespace Jsms.Features.Audit;

internal sealed record AuditQuery(string? User, Guid? RecordId, string? Action, DateTime? From, DateTime? To, long? Before, int? Limit,
    string? RecordType = null);
