using Jsms.Platform.Audit;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Operations;

/// <summary>
/// The decision rule a host sets for requests made to it: for one partnership or for every request to the host state,
/// optionally for one kind only. The most specific match applies (docs/operations.md); none: <see cref="DecisionRule.All"/>.
/// </summary>
internal sealed class ConsentDecisionRule : IAudited
{
    public Guid Id { get; set; }
    /// <summary>The host state whose authorities decide under this rule.</summary>
    public Guid HostStateId { get; set; }
    /// <summary>Only requests from an agency of this partnership (null: from anyone).</summary>
    public Guid? PartnershipId { get; set; }
    /// <summary>Only requests of this kind (null: every kind).</summary>
    public ConsentKind? Kind { get; set; }
    public DecisionRule Rule { get; set; }
    public int QuorumN { get; set; }
    public Guid SetByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
}
internal sealed class ConsentDecisionRuleConfiguration : IEntityTypeConfiguration<ConsentDecisionRule>
{
    public void Configure(EntityTypeBuilder<ConsentDecisionRule> builder)
    {
        builder.ToTable("ConsentDecisionRules");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Rule).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.HostStateId, r.PartnershipId, r.Kind }).IsUnique();
        builder.HasOne<State>().WithMany().HasForeignKey(r => r.HostStateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
