using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>
/// A request for information from one agency to one or more partner agencies, due by a deadline. The asking agency
/// owns it; it is released to the agencies it asks and, whatever its TLP, only they and the owner see it
/// (<see cref="RfiService.Visible"/>). Each addressed agency assigns it to one of its users and answers.
/// </summary>
internal sealed class Rfi : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Question { get; set; } = "";
    public DateTime AskedAt { get; set; }
    public DateTime DueAt { get; set; }
    public RfiStatus Status { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }
    /// <summary>When the overdue alert was raised; set once, so the monitor raises one alert per request.</summary>
    public DateTime? EscalatedAt { get; set; }
    public List<RfiAddressee> Addressees { get; set; } = [];

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class RfiConfiguration : IEntityTypeConfiguration<Rfi>
{
    public void Configure(EntityTypeBuilder<Rfi> builder)
    {
        builder.ToTable("Rfis");
        builder.ConfigureMarking();
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Question).HasMaxLength(8000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(r => r.Addressees).WithOne().HasForeignKey(a => a.RfiId).OnDelete(DeleteBehavior.Cascade);
        // The monitor looks for open, unescalated requests past their deadline.
        builder.HasIndex(r => new { r.Status, r.EscalatedAt, r.DueAt });
    }
}
