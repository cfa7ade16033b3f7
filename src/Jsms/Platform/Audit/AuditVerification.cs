namespace Jsms.Platform.Audit;

internal sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);
