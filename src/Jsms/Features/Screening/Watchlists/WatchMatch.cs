using Jsms.Features.Screening.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// A subject that matched a list entry, one row per (subject, list, entry), kept across rescreens. It holds the fingerprints
/// of both sides when it was last raised or reviewed: a false positive is reopened (and alerts again) only when either
/// changes, and an open match alerts again only when its score rises.
/// </summary>
internal sealed class WatchMatch
{
    public Guid Id { get; set; }
    public Guid WatchlistId { get; set; }
    public Guid SubjectId { get; set; }
    public ListSource Source { get; set; }
    public string SourceId { get; set; } = "";
    public string? Reference { get; set; }
    public string EntryName { get; set; } = "";
    /// <summary>The entry's name (primary or alias) that matched best.</summary>
    public string MatchedName { get; set; } = "";
    /// <summary>The subject's name or alias that matched.</summary>
    public string SubjectName { get; set; } = "";
    public double Score { get; set; }
    /// <summary>The highest score an alert was raised for.</summary>
    public double AlertedScore { get; set; }
    /// <summary>The matcher's explanation and rules, as JSON (<see cref="MatchExplanation"/>).</summary>
    public string Explanation { get; set; } = "";
    public string EntryFingerprint { get; set; } = "";
    public string SubjectFingerprint { get; set; } = "";
    public MatchStatus Status { get; set; }
    public string? ReviewReason { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>What the rescreens last said about the match beyond its score: that its entry was delisted (and the match closed), or what changed in it.</summary>
    public string? StatusNote { get; set; }
    public DateTime FirstRaisedAt { get; set; }
    public DateTime LastRaisedAt { get; set; }
    /// <summary>When a rescreen last found it (a match no rescreen finds any more stays, for its history).</summary>
    public DateTime LastSeenAt { get; set; }
    public int AlertCount { get; set; }
}
internal sealed class WatchMatchConfiguration : IEntityTypeConfiguration<WatchMatch>
{
    public void Configure(EntityTypeBuilder<WatchMatch> builder)
    {
        builder.ToTable("WatchMatches");
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.SourceId).HasMaxLength(32);
        builder.Property(m => m.Reference).HasMaxLength(64);
        builder.Property(m => m.EntryName).HasMaxLength(1000);
        builder.Property(m => m.MatchedName).HasMaxLength(1000);
        builder.Property(m => m.SubjectName).HasMaxLength(300);
        builder.Property(m => m.Explanation).HasMaxLength(8000);
        builder.Property(m => m.EntryFingerprint).HasMaxLength(64);
        builder.Property(m => m.SubjectFingerprint).HasMaxLength(64);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ReviewReason).HasMaxLength(1000);
        builder.Property(m => m.ReviewedBy).HasMaxLength(256);
        builder.Property(m => m.StatusNote).HasMaxLength(1000);
        builder.HasOne<WatchSubject>().WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SubjectId, m.Source, m.SourceId }).IsUnique();
        builder.HasIndex(m => new { m.WatchlistId, m.Status });
    }
}
