using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// One rescreen of every watchlist after a list import, run in the background by <see cref="RescreenWorker"/>. The row is
/// written when the import is stored, so a run the process never started (it stopped) is found and run at the next start,
/// and a failure is kept with its reason instead of being lost in a log.
/// </summary>
internal sealed class RescreenRun
{
    public Guid Id { get; set; }
    /// <summary>The list version whose import asked for the run (null for a run asked at start-up without one).</summary>
    public Guid? ListVersionId { get; set; }
    /// <summary>"UN version 4", "National: Fourth Schedule version 2"...</summary>
    public string Trigger { get; set; } = "";
    public RescreenRunStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Subjects { get; set; }
    public int Matches { get; set; }
    public int Alerts { get; set; }
    /// <summary>Matches closed because their entry was delisted.</summary>
    public int Closed { get; set; }
    /// <summary>Why it failed, or which run covered it.</summary>
    public string? Note { get; set; }
}
internal sealed class RescreenRunConfiguration : IEntityTypeConfiguration<RescreenRun>
{
    public void Configure(EntityTypeBuilder<RescreenRun> builder)
    {
        builder.ToTable("RescreenRuns");
        builder.Property(r => r.Trigger).HasMaxLength(300);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
    }
}
