using Jsms.Features.Screening.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// A person or entity on a watchlist, with what the matcher reads (name, aliases, birth date, nationality). Identifiers
/// are encrypted at rest like a protected person's (<see cref="Protection.PersonIdentifiers"/>) and never screened or
/// shown in clear here. Changes are audited by the endpoints (one entry per upload rather than one per row).
/// </summary>
internal sealed class WatchSubject
{
    public Guid Id { get; set; }
    public Guid WatchlistId { get; set; }
    public SubjectCategory Category { get; set; }
    public EntryKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Other names, separated by ";".</summary>
    public string? Aliases { get; set; }
    /// <summary>yyyy, yyyy-mm or yyyy-mm-dd.</summary>
    public string? BirthDate { get; set; }
    /// <summary>ISO 3166 alpha-2.</summary>
    public string? Nationality { get; set; }
    /// <summary>Ciphertext (Data Protection) of the identifiers, separated by ";"; never the plain numbers.</summary>
    public string? IdentifiersProtected { get; set; }
    /// <summary>What they do near protected persons ("drives the convoy", "sees movement plans") or the customer's reference.</summary>
    public string? Role { get; set; }
    /// <summary>The protected person this subject was taken from, if any.</summary>
    public Guid? ProtectedPersonId { get; set; }
    /// <summary>SHA-256 of what the matcher reads: a false positive is reopened when it changes.</summary>
    public string Fingerprint { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IEnumerable<string> AliasList => Aliases?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public string ComputeFingerprint()
    {
        var text = string.Join("\u001f", Kind, Name.Trim(), string.Join(";", AliasList), BirthDate ?? "", Nationality ?? "");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
internal sealed class WatchSubjectConfiguration : IEntityTypeConfiguration<WatchSubject>
{
    public void Configure(EntityTypeBuilder<WatchSubject> builder)
    {
        builder.ToTable("WatchSubjects");
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Aliases).HasMaxLength(2000);
        builder.Property(s => s.BirthDate).HasMaxLength(10);
        builder.Property(s => s.Nationality).HasMaxLength(2);
        builder.Property(s => s.IdentifiersProtected).HasMaxLength(2000);
        builder.Property(s => s.Role).HasMaxLength(300);
        builder.Property(s => s.Fingerprint).HasMaxLength(64);
        builder.Ignore(s => s.AliasList);
        builder.HasOne<Watchlist>().WithMany().HasForeignKey(s => s.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.WatchlistId);
        builder.HasIndex(s => s.ProtectedPersonId);
    }
}
