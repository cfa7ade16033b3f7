using System.Security.Claims;
using Jsms.Features.Accounts;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Access;

/// <summary>
/// The authenticated user as the access policy sees them. Endpoints take it as a parameter
/// (bound by <see cref="BindAsync"/>); pages call <see cref="ForRequestAsync"/>.
/// </summary>
public sealed record Caller(
    Guid UserId,
    string UserName,
    Guid AgencyId,
    IReadOnlySet<string> Roles,
    IReadOnlyList<Guid> GreenCommunityOwnerIds)
{
    public const string AgencyClaim = "jsms:agency";

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdministrator => IsInRole(JsmsRoles.Administrator);

    /// <summary>Roles that may create and change their own agency's records (a viewer only reads).</summary>
    public bool CanWrite => Roles.Overlaps(JsmsRoles.Writers);

    public static async ValueTask<Caller?> BindAsync(HttpContext context)
        => await ForRequestAsync(context);

    /// <summary>The caller of this request, cached on the request; null when not signed in or disabled.</summary>
    public static async Task<Caller?> ForRequestAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(Caller), out var cached))
        {
            return (Caller?)cached;
        }
        var db = context.RequestServices.GetRequiredService<JsmsDbContext>();
        var caller = await ForPrincipalAsync(context.User, db, context.RequestAborted);
        context.Items[typeof(Caller)] = caller;
        return caller;
    }

    public static async Task<Caller?> ForPrincipalAsync(ClaimsPrincipal principal, JsmsDbContext db, CancellationToken cancellationToken = default)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }
        return await ForUserAsync(userId, db, cancellationToken);
    }

    /// <summary>Loads the caller from the database, so a disabled user or a changed role takes effect at once.</summary>
    public static async Task<Caller?> ForUserAsync(Guid userId, JsmsDbContext db, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.UserName, u.AgencyId })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(cancellationToken);
        var community = await GreenCommunityAsync(user.AgencyId, db, cancellationToken);
        return new Caller(user.Id, user.UserName ?? "", user.AgencyId, roles.ToHashSet(StringComparer.Ordinal), community);
    }

    /// <summary>
    /// Owners whose GREEN records this agency receives: every agency (member or observer) of a
    /// partnership in which this agency is a full member. Observers receive GREEN only by release-to.
    /// </summary>
    internal static Task<List<Guid>> GreenCommunityAsync(Guid agencyId, JsmsDbContext db, CancellationToken cancellationToken)
    {
        var memberships = db.Set<PartnershipMember>();
        return memberships
            .Where(m => memberships.Any(mine => mine.PartnershipId == m.PartnershipId
                                                && mine.AgencyId == agencyId
                                                && mine.Role == PartnershipRole.Member))
            .Select(m => m.AgencyId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }
}
