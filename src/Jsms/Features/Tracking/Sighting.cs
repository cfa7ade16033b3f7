using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Tracking;

/// <summary>A subject (plate, track id) seen by a sensor at a time, at the sensor's place.</summary>
internal sealed class Sighting
{
    public long Id { get; set; }
    public Guid SensorId { get; set; }
    public string Subject { get; set; } = "";
    public DateTime Time { get; set; }
    public DateTime ReceivedAt { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}
internal sealed class SightingConfiguration : IEntityTypeConfiguration<Sighting>
{
    public void Configure(EntityTypeBuilder<Sighting> builder)
    {
        builder.ToTable("Sightings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Subject).HasMaxLength(128);
        builder.HasIndex(s => new { s.Subject, s.Time });
        builder.HasIndex(s => new { s.SensorId, s.Time });
        builder.HasOne<Sensor>().WithMany().HasForeignKey(s => s.SensorId).OnDelete(DeleteBehavior.Cascade);
    }
}
