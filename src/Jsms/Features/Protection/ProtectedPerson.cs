using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Protection;

/// <summary>
/// A foreign national under protection. Passport number and phone are encrypted at rest with ASP.NET
/// Core Data Protection (<see cref="PersonIdentifiers"/>) and shown only to those allowed.
/// The owner agency is the agency responsible for the person.
/// </summary>
internal sealed class ProtectedPerson : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Nationality { get; set; } = "";
    public string? Employer { get; set; }
    public string? Project { get; set; }
    /// <summary>Ciphertext (Data Protection); never the plain number.</summary>
    public string? PassportNumberProtected { get; set; }
    /// <summary>Ciphertext (Data Protection); never the plain number.</summary>
    public string? PhoneProtected { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class ProtectedPersonConfiguration : IEntityTypeConfiguration<ProtectedPerson>
{
    public void Configure(EntityTypeBuilder<ProtectedPerson> builder)
    {
        builder.ToTable("ProtectedPersons");
        builder.ConfigureMarking();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Nationality).HasMaxLength(100);
        builder.Property(p => p.Employer).HasMaxLength(200);
        builder.Property(p => p.Project).HasMaxLength(200);
        builder.Property(p => p.PassportNumberProtected).HasMaxLength(1000);
        builder.Property(p => p.PhoneProtected).HasMaxLength(1000);
    }
}
