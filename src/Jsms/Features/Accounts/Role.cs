using Jsms.Features.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Accounts;

internal sealed class Role : IdentityRole<Guid>
{
    public Role() { }

    public Role(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}
