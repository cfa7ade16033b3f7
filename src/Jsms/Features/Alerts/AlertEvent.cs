using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Alerts;

/// <summary>
/// One step of an alert's history: who did what (acknowledge, assign, resolve, escalate), the value before and after
/// (a status, a severity, an assignee's user name), and when.
/// </summary>
internal sealed class AlertEvent : IAudited
{
    public Guid Id { get; set; }
    public Guid AlertId { get; set; }
    public Guid UserId { get; set; }
    /// <summary><c>acknowledge</c>, <c>assign</c>, <c>resolve</c> or <c>escalate</c>.</summary>
    public string Action { get; set; } = "";
    public string? From { get; set; }
    public string? To { get; set; }
    public DateTime At { get; set; }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> builder)
    {
        builder.ToTable("AlertEvents");
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.From).HasMaxLength(128);
        builder.Property(e => e.To).HasMaxLength(128);
        builder.HasOne<Alert>().WithMany().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AlertId, e.At });
    }
}
