using Jsms.Features.Access;
using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Tracking;

public enum DeviceKind { VehicleTracker, PersonalTracker, Other }

/// <summary>
/// A tracker in a vehicle or carried by a person. It is known by its <see cref="UniqueId"/>, the identifier
/// the OsmAnd/Traccar client sends (<c>id</c> / <c>device_id</c>); positions from any other id are refused.
/// <see cref="Subject"/> (e.g. the vehicle's plate) lets the engine join its positions with camera sightings.
/// </summary>
public sealed class Device : IReleasable, IAudited
{
    private string _uniqueId = "";
    private string? _subject;
    private string? _engineSubject;

    public Guid Id { get; set; }
    public string UniqueId { get => _uniqueId; set => (_uniqueId, _engineSubject) = (value, null); }
    public string Name { get; set; } = "";
    public DeviceKind Kind { get; set; }
    public string? Subject { get => _subject; set => (_subject, _engineSubject) = (value, null); }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// SHA-256 of the device's secret, when the owner set one: OsmAnd positions must then carry it (<c>key=</c>), and the
    /// device no longer reports over plain Cursor-on-Target TCP. The secret itself is never stored or returned.
    /// </summary>
    public byte[]? SecretHash { get; set; }

    /// <summary>
    /// SHA-256 thumbprint (hex, upper case) of the client certificate bound to this device: only a Cursor-on-Target TLS
    /// connection presenting that certificate may report for it.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }

    /// <summary>True when the unique id alone no longer lets anyone report for this device.</summary>
    public bool HasIngestCredential => SecretHash is not null || CertificateThumbprint is not null;

    /// <summary>What the engine calls this device's subject: its <see cref="Subject"/> if set, else its unique id.</summary>
    public string SubjectKey => string.IsNullOrWhiteSpace(Subject) ? UniqueId : Subject;

    /// <summary><see cref="SubjectKey"/> normalised as sightings are, kept: ingest asks for it with every position.</summary>
    public string EngineSubject => _engineSubject ??= TrackingModule.NormaliseSubject(SubjectKey);
}

public enum SensorKind { Anpr, Camera, Gate, Radar, Other }

/// <summary>A fixed sensor (ANPR or other camera, gate, radar) at a known place; sightings name it by <see cref="Code"/>.</summary>
public sealed class Sensor : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public SensorKind Kind { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}

/// <summary>A stored position of a device (reached only through its readable device). Speed in metres per second.</summary>
public sealed class Position
{
    public long Id { get; set; }
    public Guid DeviceId { get; set; }
    public DateTime Time { get; set; }
    public DateTime ReceivedAt { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double? Speed { get; set; }
    public double? Bearing { get; set; }
    public double? Altitude { get; set; }
    public double? Accuracy { get; set; }
}

/// <summary>
/// The latest stored position of each device (by event time), kept by the ingest writer in the same transaction as the
/// positions: the positions table is indexed by time only (docs/decisions/0007), so "where is it now" is read here.
/// </summary>
public sealed class DeviceLastPosition
{
    public Guid DeviceId { get; set; }
    public long PositionId { get; set; }
    public DateTime Time { get; set; }
}

/// <summary>A subject (plate, track id) seen by a sensor at a time, at the sensor's place.</summary>
public sealed class Sighting
{
    public long Id { get; set; }
    public Guid SensorId { get; set; }
    public string Subject { get; set; } = "";
    public DateTime Time { get; set; }
    public DateTime ReceivedAt { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("Devices");
        builder.ConfigureMarking();
        builder.Property(d => d.UniqueId).HasMaxLength(128);
        builder.HasIndex(d => d.UniqueId).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Subject).HasMaxLength(128);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.SecretHash).HasMaxLength(32);
        builder.Property(d => d.CertificateThumbprint).HasMaxLength(64);
        builder.Ignore(d => d.HasIngestCredential);
        builder.Ignore(d => d.SubjectKey);
        builder.Ignore(d => d.EngineSubject);
    }
}

internal sealed class SensorConfiguration : IEntityTypeConfiguration<Sensor>
{
    public void Configure(EntityTypeBuilder<Sensor> builder)
    {
        builder.ToTable("Sensors");
        builder.ConfigureMarking();
        builder.Property(s => s.Code).HasMaxLength(128);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("Positions");
        builder.HasKey(p => p.Id);
        // Time only, not (device, time): new rows land at the index's right edge. A per-device index takes a page per
        // device at every commit (10,000 devices: ~40 MB of SQLite WAL per group; docs/decisions/0007, "Storage").
        // For the same reason no foreign key to Devices (EF would index it): deleting a device deletes its positions itself.
        builder.HasIndex(p => p.Time);
    }
}

internal sealed class DeviceLastPositionConfiguration : IEntityTypeConfiguration<DeviceLastPosition>
{
    public void Configure(EntityTypeBuilder<DeviceLastPosition> builder)
    {
        builder.ToTable("DeviceLastPositions");
        builder.HasKey(p => p.DeviceId);
        builder.HasOne<Device>().WithOne().HasForeignKey<DeviceLastPosition>(p => p.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
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
