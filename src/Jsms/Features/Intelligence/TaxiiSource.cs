using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>
/// A remote TAXII 2.1 collection this node pulls from (another JSMS node or any TAXII server). The pulled objects are
/// stored in <see cref="LocalCollectionId"/> as records owned by <see cref="OwnerAgencyId"/>, the agency that
/// represents the remote partner here; their TLP and release-to come from each object. Managed by administrators.
/// </summary>
internal sealed class TaxiiSource
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Pull (the default) or push: a push destination POSTs to the remote collection what <see cref="LocalCollectionId"/>
    /// holds released to <see cref="OwnerAgencyId"/>, the agency representing the partner (<see cref="TaxiiPusher"/>).</summary>
    public TaxiiDirection Direction { get; set; }

    /// <summary>Push: the local date_added of the last object the remote accepted or refused; the next push starts after it.</summary>
    public DateTime? PushedUpTo { get; set; }

    /// <summary>The remote API root, e.g. <c>https://node.example/taxii2/api/</c>.</summary>
    public string ApiRootUrl { get; set; } = "";

    public string RemoteCollectionId { get; set; } = "";

    /// <summary>User name for HTTP Basic; null means the secret is a bearer token.</summary>
    public string? Username { get; set; }

    /// <summary>The password or bearer token, protected with the node's data-protection keys (never stored in clear).</summary>
    public string ProtectedSecret { get; set; } = "";

    public Guid LocalCollectionId { get; set; }

    public Guid OwnerAgencyId { get; set; }

    /// <summary>The administrator who configured the source: the creator of the pulled records.</summary>
    public Guid CreatedByUserId { get; set; }

    public int IntervalMinutes { get; set; } = 15;

    public bool Enabled { get; set; } = true;

    /// <summary>The remote date_added of the last object stored: the next pull asks for <c>added_after</c> this.</summary>
    public string? AddedAfter { get; set; }

    public TaxiiSourceStatus Status { get; set; }

    public string? LastError { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Objects stored by the last successful pull.</summary>
    public int LastAccepted { get; set; }

    public int LastRefused { get; set; }

    public DateTime CreatedAt { get; set; }
}
internal sealed class TaxiiSourceConfiguration : IEntityTypeConfiguration<TaxiiSource>
{
    public void Configure(EntityTypeBuilder<TaxiiSource> builder)
    {
        builder.ToTable("TaxiiSources");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.ApiRootUrl).HasMaxLength(1000);
        builder.Property(s => s.RemoteCollectionId).HasMaxLength(200);
        builder.Property(s => s.Username).HasMaxLength(256);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(4000);
        builder.Property(s => s.AddedAfter).HasMaxLength(40);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Direction).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.HasOne<StixCollection>().WithMany().HasForeignKey(s => s.LocalCollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Jsms.Platform.Partners.Agency>().WithMany().HasForeignKey(s => s.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
