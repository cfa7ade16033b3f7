using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Alerts;

/// <summary>
/// Something a person must look at: raised by an engine (an unacknowledged urgent message, and later
/// loitering, route deviation...), acknowledged, assigned and resolved with notes. Carries a release marking.
/// </summary>
internal sealed class Alert : IReleasable, IAudited
{
    public Guid Id { get; set; }
    /// <summary>What raised it, e.g. <c>urgent-message.overdue</c>.</summary>
    public string Kind { get; set; } = "";
    public AlertSeverity Severity { get; set; }
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public string? SubjectType { get; set; }
    public Guid? SubjectId { get; set; }
    public DateTime RaisedAt { get; set; }
    public AlertStatus Status { get; set; }
    public Guid? AssignedToUserId { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }
    /// <summary>Who or what the alert is about when not a record (e.g. a vehicle's plate).</summary>
    public string? SubjectLabel { get; set; }
    /// <summary>The place: a site, and a point.</summary>
    public Guid? SiteId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The observations behind the alert, as a JSON array (e.g. sightings with ids and times).</summary>
    public string? Evidence { get; set; }
    /// <summary>
    /// Position in the order alerts were stored, set by the database on insert (<see cref="AlertSequenceSql"/>) in commit
    /// order: the alert stream's event id (docs/decisions/0009-alert-stream-replay.md). Whatever is set here is ignored.
    /// </summary>
    public long Sequence { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts", t => t.HasTrigger(AlertSequenceSql.Trigger));
        builder.ConfigureMarking();
        builder.Property(a => a.Kind).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Detail).HasMaxLength(4000);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.ResolutionNote).HasMaxLength(4000);
        builder.Property(a => a.SubjectLabel).HasMaxLength(128);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.Status, a.RaisedAt });
        builder.HasIndex(a => new { a.Kind, a.SubjectId });
        // The trigger assigns it; the default only fills the column until the trigger runs (SQLite's runs after the insert).
        builder.Property(a => a.Sequence).HasDefaultValue(0L).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex(a => a.Sequence).IsUnique();
    }
}
