using Jsms.Platform.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Identity;

/// <summary>A person who signs in. Belongs to exactly one agency; ASP.NET Core Identity keeps the password hash, lockout and TOTP key.</summary>
internal sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
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
