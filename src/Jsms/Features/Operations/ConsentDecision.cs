using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// One host authority's answer to a request in one round. Read only through its request (parties only); the unique
/// index (request, round, authority) is the database's guard that an authority decides once per round.
/// A conditional approval may narrow the area, the period or the personnel; the consent takes the intersection of all.
/// </summary>
internal sealed class ConsentDecision : IAudited
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public int Round { get; set; }
    public Guid AuthorityAgencyId { get; set; }
    public Guid DecidedByUserId { get; set; }
    public ConsentAnswer Answer { get; set; }
    public string? Reasons { get; set; }
    public string? Conditions { get; set; }
    /// <summary>Narrower area (SRID 4326) the approval is limited to.</summary>
    public MultiPolygon? NarrowedArea { get; set; }
    public DateTime? NarrowedStart { get; set; }
    public DateTime? NarrowedEnd { get; set; }
    /// <summary>Ids of the request's personnel the approval admits (null: all of them).</summary>
    public List<Guid>? PersonnelIds { get; set; }
    public DateTime At { get; set; }
}
internal sealed class ConsentDecisionConfiguration : IEntityTypeConfiguration<ConsentDecision>
{
    public void Configure(EntityTypeBuilder<ConsentDecision> builder)
    {
        builder.ToTable("ConsentDecisions");
        builder.Property(d => d.Answer).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Reasons).HasMaxLength(4000);
        builder.Property(d => d.Conditions).HasMaxLength(4000);
        builder.HasIndex(d => new { d.RequestId, d.Round, d.AuthorityAgencyId }).IsUnique();
        builder.HasOne<ConsentRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
