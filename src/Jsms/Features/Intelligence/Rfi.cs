using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

public enum RfiStatus { Open, Closed }

/// <summary>
/// A request for information from one agency to one or more partner agencies, due by a deadline. The asking agency
/// owns it; it is released to the agencies it asks and, whatever its TLP, only they and the owner see it
/// (<see cref="RfiService.Visible"/>). Each addressed agency assigns it to one of its users and answers.
/// </summary>
public sealed class Rfi : IReleasable, IAudited
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

/// <summary>An agency a request is addressed to, with the user it assigned the request to and when it first answered.</summary>
public sealed class RfiAddressee
{
    public Guid RfiId { get; set; }
    public Guid AgencyId { get; set; }
    public Guid? AssignedToUserId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>An answer of one addressed agency: text and optionally STIX objects it points to. Seen by the asking agency and the answering one.</summary>
public sealed class RfiAnswer : IAudited
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

internal sealed class RfiAddresseeConfiguration : IEntityTypeConfiguration<RfiAddressee>
{
    public void Configure(EntityTypeBuilder<RfiAddressee> builder)
    {
        builder.ToTable("RfiAddressees");
        builder.HasKey(a => new { a.RfiId, a.AgencyId });
        builder.HasIndex(a => new { a.AgencyId, a.RfiId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
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
