using Microsoft.AspNetCore.Identity;

namespace Jsms.Platform.Identity;

internal sealed class Role : IdentityRole<Guid>
{
    public Role() { }

    public Role(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}
