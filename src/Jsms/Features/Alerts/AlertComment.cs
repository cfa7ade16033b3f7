using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Alerts;

/// <summary>
/// A note on an alert by a member of its owner agency (the triage conversation). Read and written by the owner agency only:
/// its working notes may name what the alert's partner readers receive redacted (docs/access-policy.md, "Acting on alerts").
/// </summary>
internal sealed class AlertComment : IAudited
{
    public Guid Id { get; set; }
    public Guid AlertId { get; set; }
    public Guid AuthorUserId { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class AlertCommentConfiguration : IEntityTypeConfiguration<AlertComment>
{
    public const int MaxText = 4000;

    public void Configure(EntityTypeBuilder<AlertComment> builder)
    {
        builder.ToTable("AlertComments");
        builder.Property(c => c.Text).HasMaxLength(MaxText);
        builder.HasOne<Alert>().WithMany().HasForeignKey(c => c.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.AlertId, c.At });
    }
}
