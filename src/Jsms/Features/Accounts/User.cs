using Jsms.Features.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Accounts;

/// <summary>A person who signs in. Belongs to exactly one agency; ASP.NET Core Identity keeps the password hash, lockout and TOTP key.</summary>
public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() { }

    public Role(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}

public static class JsmsRoles
{
    public const string Administrator = "administrator";
    public const string Coordinator = "coordinator";
    public const string Analyst = "analyst";
    public const string LiaisonOfficer = "liaison";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator, Analyst, LiaisonOfficer, Viewer];

    /// <summary>Roles that may create and change records of their own agency.</summary>
    public static IReadOnlySet<string> Writers { get; } = new HashSet<string>(StringComparer.Ordinal)
        { Administrator, Coordinator, Analyst, LiaisonOfficer };
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.AgencyId);
    }
}
