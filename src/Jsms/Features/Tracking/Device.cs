using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Tracking;

/// <summary>
/// A tracker in a vehicle or carried by a person. It is known by its <see cref="UniqueId"/>, the identifier
/// the OsmAnd/Traccar client sends (<c>id</c> / <c>device_id</c>); positions from any other id are refused.
/// <see cref="Subject"/> (e.g. the vehicle's plate) lets the engine join its positions with camera sightings.
/// </summary>
internal sealed class Device : IReleasable, IAudited
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
