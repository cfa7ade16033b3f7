using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Partners;

// The partner directory is reference data every signed-in user of the node may read;
// administrators maintain it. Shared records elsewhere point at agencies by id.

public sealed class State : IAudited
{
    public Guid Id { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code, e.g. PK.</summary>
    public string IsoCode { get; set; } = "";
    public string Name { get; set; } = "";
}

public enum AgencyKind { Police, Military, Intelligence, Ministry, Secretariat, Other }

public sealed class Agency : IAudited
{
    public Guid Id { get; set; }
    public Guid StateId { get; set; }
    public State? State { get; set; }
    /// <summary>Short unique code used in release-to lists and the API, e.g. PK-NACTA.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public AgencyKind Kind { get; set; }
}

public enum PartnershipKind { Bilateral, Multilateral }

public enum PartnershipRole { Member, Observer }

public sealed class Partnership : IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public PartnershipKind Kind { get; set; }
    public string? Description { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public List<PartnershipMember> Members { get; set; } = [];
    public List<Agreement> Agreements { get; set; } = [];
}

public sealed class PartnershipMember
{
    public Guid PartnershipId { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public PartnershipRole Role { get; set; }
}

/// <summary>The legal basis of a partnership.</summary>
public sealed class Agreement : IAudited
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The parties as they sign, e.g. "Islamic Republic of Pakistan; People's Republic of China".</summary>
    public string Parties { get; set; } = "";
    public DateOnly? SignedOn { get; set; }
    public string Scope { get; set; } = "";
}

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> builder)
    {
        builder.ToTable("States");
        builder.Property(s => s.IsoCode).HasMaxLength(2);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.IsoCode).IsUnique();
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasOne(a => a.State).WithMany().HasForeignKey(a => a.StateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.ToTable("Partnerships");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Agreements).WithOne().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> builder)
    {
        builder.ToTable("PartnershipMembers");
        builder.HasKey(m => new { m.PartnershipId, m.AgencyId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.AgencyId, m.Role });
        builder.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Parties).HasMaxLength(1000);
        builder.Property(a => a.Scope).HasMaxLength(4000);
    }
}
