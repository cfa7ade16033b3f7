using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Incidents;

/// <summary>
/// The killed and injured of one victim class in one incident: the best estimate, and a low and high bound when the
/// sources disagree (UCDP <c>low</c>/<c>best</c>/<c>high</c>); null bounds mean none was given. Low ≤ best ≤ high.
/// </summary>
internal sealed class IncidentCasualty
{
    public Guid IncidentId { get; set; }
    public VictimClass VictimClass { get; set; }
    public int? KilledLow { get; set; }
    public int KilledBest { get; set; }
    public int? KilledHigh { get; set; }
    public int? InjuredLow { get; set; }
    public int InjuredBest { get; set; }
    public int? InjuredHigh { get; set; }
}
internal sealed class IncidentCasualtyConfiguration : IEntityTypeConfiguration<IncidentCasualty>
{
    public void Configure(EntityTypeBuilder<IncidentCasualty> builder)
    {
        builder.ToTable("IncidentCasualties");
        builder.HasKey(c => new { c.IncidentId, c.VictimClass });
        builder.Property(c => c.VictimClass).HasConversion<string>().HasMaxLength(24);
    }
}
