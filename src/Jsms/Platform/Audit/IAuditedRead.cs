using Jsms.Platform.Access;

namespace Jsms.Platform.Audit;

/// <summary>
/// What a read DTO of a releasable record tells the audit (docs/audit-log.md, "Reads"): which record it shows, of which
/// kind, at which level. Every API answer and every page that carries one is inspected by <see cref="AuditedReads"/>,
/// which writes a <c>read</c> (or <c>list</c>) entry for each at AMBER+STRICT or RED, and for each that
/// <see cref="Discloses"/> something protected at any level. Implement the members explicitly, so they stay out of the JSON.
/// </summary>
internal interface IAuditedRead
{
    /// <summary>The record's id (the entry's <c>recordId</c>).</summary>
    Guid Id { get; }

    /// <summary>The record's kind as its write entries name it: the entity's type name (<c>nameof(Site)</c>).</summary>
    string RecordType { get; }

    /// <summary>The record's level as shown.</summary>
    Tlp Tlp { get; }

    /// <summary>
    /// Why showing this DTO is audited whatever its level (e.g. <c>identifiers shown</c> for a person whose passport
    /// number and phone are in clear), or null: then only AMBER+STRICT and RED are audited.
    /// </summary>
    string? Discloses => null;

    /// <summary>The level of a marking as a read DTO carries it.</summary>
    static Tlp LevelOf(MarkingDto marking) => LevelOf(marking.Tlp);

    /// <summary>The level of a marking label (<c>AMBER+STRICT</c>); an unreadable label counts as RED, so it is audited.</summary>
    static Tlp LevelOf(string label) => TlpNames.TryParse(label, out var tlp) ? tlp : Tlp.Red;
}
