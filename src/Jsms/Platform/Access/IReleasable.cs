namespace Jsms.Platform.Access;

/// <summary>
/// A shareable record: it has an owner agency and a release marking. Its release-to list and named
/// recipients live in the shared <see cref="ReleaseGrant"/> and <see cref="NamedRecipient"/> tables,
/// keyed by the record's id, so one access policy serves every kind of record.
/// </summary>
internal interface IReleasable
{
    Guid Id { get; }
    Guid OwnerAgencyId { get; set; }
    Tlp Tlp { get; set; }
    Guid CreatedByUserId { get; set; }
}
