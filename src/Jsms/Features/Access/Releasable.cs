using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Access;

/// <summary>
/// A shareable record: it has an owner agency and a release marking. Its release-to list and named
/// recipients live in the shared <see cref="ReleaseGrant"/> and <see cref="NamedRecipient"/> tables,
/// keyed by the record's id, so one access policy serves every kind of record.
/// </summary>
public interface IReleasable
{
    Guid Id { get; }
    Guid OwnerAgencyId { get; set; }
    Tlp Tlp { get; set; }
    Guid CreatedByUserId { get; set; }
}

/// <summary>
/// A need-to-know record (a movement's route and schedule): besides the ordinary rule, the owner agency's
/// coordinators read it at every level, RED included (docs/access-policy.md, "Need-to-know records").
/// </summary>
public interface INeedToKnow : IReleasable;

/// <summary>The record <see cref="RecordId"/> is released to agency <see cref="AgencyId"/>.</summary>
public sealed class ReleaseGrant
{
    public Guid RecordId { get; set; }
    public Guid AgencyId { get; set; }
}

/// <summary>User <see cref="UserId"/> is a named recipient of record <see cref="RecordId"/>.</summary>
public sealed class NamedRecipient
{
    public Guid RecordId { get; set; }
    public Guid UserId { get; set; }
}

internal sealed class ReleaseGrantConfiguration : IEntityTypeConfiguration<ReleaseGrant>
{
    public void Configure(EntityTypeBuilder<ReleaseGrant> builder)
    {
        builder.ToTable("ReleaseGrants");
        builder.HasKey(g => new { g.RecordId, g.AgencyId });
        // The policy asks "is this record released to my agency?": agency first serves that lookup.
        builder.HasIndex(g => new { g.AgencyId, g.RecordId });
    }
}

internal sealed class NamedRecipientConfiguration : IEntityTypeConfiguration<NamedRecipient>
{
    public void Configure(EntityTypeBuilder<NamedRecipient> builder)
    {
        builder.ToTable("NamedRecipients");
        builder.HasKey(r => new { r.RecordId, r.UserId });
        builder.HasIndex(r => new { r.UserId, r.RecordId });
    }
}

public static class ReleasableConfiguration
{
    /// <summary>Column conventions shared by every releasable entity.</summary>
    public static void ConfigureMarking<T>(this EntityTypeBuilder<T> builder) where T : class, IReleasable
    {
        builder.Property(r => r.Tlp).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.OwnerAgencyId, r.Tlp });
    }
}
