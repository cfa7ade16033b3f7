using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>An answer of one addressed agency: text and optionally STIX objects it points to. Seen by the asking agency and the answering one.</summary>
internal sealed class RfiAnswer : IAudited
{
    public Guid Id { get; set; }
    public Guid RfiId { get; set; }
    public Guid AgencyId { get; set; }
    public Guid UserId { get; set; }
    public string Text { get; set; } = "";
    /// <summary>STIX ids, space-separated.</summary>
    public string? StixRefs { get; set; }
    public DateTime AnsweredAt { get; set; }
}
internal sealed class RfiAnswerConfiguration : IEntityTypeConfiguration<RfiAnswer>
{
    public void Configure(EntityTypeBuilder<RfiAnswer> builder)
    {
        builder.ToTable("RfiAnswers");
        builder.Property(a => a.Text).HasMaxLength(8000);
        builder.Property(a => a.StixRefs).HasMaxLength(4000);
        builder.HasOne<Rfi>().WithMany().HasForeignKey(a => a.RfiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RfiId, a.AnsweredAt });
    }
}
