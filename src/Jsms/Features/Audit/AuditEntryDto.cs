namespace Jsms.Features.Audit;

internal sealed record AuditEntryDto(long Sequence, DateTime Timestamp, Guid? UserId, string UserName, Guid? AgencyId,
    string Action, string? RecordType, Guid? RecordId, string? Detail, string? RemoteAddress, string Hash);
