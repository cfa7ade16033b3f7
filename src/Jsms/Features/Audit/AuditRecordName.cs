namespace Jsms.Features.Audit;

/// <summary>
/// How the audit page shows an entry's record: its name and page when the viewer may read it; otherwise
/// <see cref="Hidden"/> (the id alone, never the name) or, for kinds without names, nothing but the id.
/// </summary>
internal sealed record AuditRecordName(string? Name, string? Link, bool Hidden)
{
    public static AuditRecordName NotVisible { get; } = new(null, null, true);
}
