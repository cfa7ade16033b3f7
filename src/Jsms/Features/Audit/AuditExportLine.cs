namespace Jsms.Features.Audit;

/// <summary>One line of <c>GET /api/audit/export</c>: the hashed fields, the timestamp exactly as hashed, and the hash.</summary>
internal sealed record AuditExportLine(long Sequence, string Timestamp, Guid? UserId, string UserName, Guid? AgencyId, string Action,
    string? RecordType, Guid? RecordId, string? Detail, string? RemoteAddress, string PreviousHash, string Hash);
