using Jsms.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening;

/// <summary>
/// A screening as it was done: who asked about whom, against which list versions, and what came back.
/// Owned by the caller's agency and marked AMBER+STRICT by default, so re-opening it is audited.
/// </summary>
internal sealed class ScreeningRecord : IReleasable
{
    public Guid Id { get; set; }
    public ScreeningKind Kind { get; set; }
    /// <summary>The name screened, or the uploaded file's name for a batch.</summary>
    public string Subject { get; set; } = "";
    public string QueryJson { get; set; } = "";
    public string ResultJson { get; set; } = "";
    public int Screened { get; set; }
    public int Hits { get; set; }
    public double Threshold { get; set; }
    public string ListVersions { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class ScreeningRecordConfiguration : IEntityTypeConfiguration<ScreeningRecord>
{
    public void Configure(EntityTypeBuilder<ScreeningRecord> builder)
    {
        builder.ToTable("Screenings");
        builder.ConfigureMarking();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.Subject).HasMaxLength(500);
        builder.Property(s => s.ListVersions).HasMaxLength(2000);
        builder.HasIndex(s => new { s.OwnerAgencyId, s.CreatedAt });
    }
}
