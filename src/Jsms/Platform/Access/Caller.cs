using System.Security.Claims;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Access;

/// <summary>
/// The authenticated user as the access policy sees them. Endpoints take it as a parameter
/// (bound by <see cref="BindAsync"/>); pages call <see cref="ForRequestAsync"/>.
/// </summary>
internal sealed record Caller(
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

    /// <summary>
    /// The caller of this request, loaded once per request: by the authentication handler that already loaded the
    /// user (bearer token, cookie check; see <see cref="Remember"/>) or here. Null when not signed in or disabled.
    /// </summary>
    public static async Task<Caller?> ForRequestAsync(HttpContext context)
    {
        var userId = SignedInUserId(context.User);
        // Kept per user id: a later step that authenticates someone else on this request (another scheme) gets its own.
        if (context.Items.TryGetValue(typeof(Caller), out var cached) && cached is RequestCaller remembered && remembered.UserId == userId)
        {
            return remembered.Caller;
        }
        var caller = userId is { } id
            ? await ForUserAsync(id, context.RequestServices.GetRequiredService<JsmsDbContext>(), context.RequestAborted)
            : null;
        context.Items[typeof(Caller)] = new RequestCaller(userId, caller);
        return caller;
    }

    /// <summary>Keeps the caller that authentication loaded for <see cref="ForRequestAsync"/>, so the request does not load it again.</summary>
    internal static void Remember(HttpContext context, Guid userId, Caller? caller)
        => context.Items[typeof(Caller)] = new RequestCaller(userId, caller);

    /// <summary>The user, unless disabled, with agency code and roles (<see cref="LoadAsync(Guid, JsmsDbContext, CancellationToken)"/>).</summary>
    internal static async Task<SignedInUser?> LoadUserAsync(Guid userId, JsmsDbContext db, CancellationToken cancellationToken = default)
        => (await LoadAsync(userId, db, cancellationToken))?.User;

    private sealed record RequestCaller(Guid? UserId, Caller? Caller);

    private static Guid? SignedInUserId(ClaimsPrincipal principal)
        => principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static async Task<Caller?> ForPrincipalAsync(ClaimsPrincipal principal, JsmsDbContext db, CancellationToken cancellationToken = default)
        => SignedInUserId(principal) is { } userId ? await ForUserAsync(userId, db, cancellationToken) : null;

    /// <summary>Loads the caller from the database, so a disabled user or a changed role takes effect at once.</summary>
    public static async Task<Caller?> ForUserAsync(Guid userId, JsmsDbContext db, CancellationToken cancellationToken = default)
        => (await LoadAsync(userId, db, cancellationToken))?.Caller;

    /// <summary>
    /// The user (with agency code and roles) and the caller built from it (with the GREEN community), in one query:
    /// what authentication needs for the principal's claims and the access policy for its decisions.
    /// Null for an unknown or disabled user.
    /// </summary>
    internal static Task<(SignedInUser User, Caller Caller)?> LoadAsync(Guid userId, JsmsDbContext db, CancellationToken cancellationToken = default)
        => LoadAsync(db.Users.Where(u => u.Id == userId), db, cancellationToken);

    /// <summary>
    /// The same for the first of <paramref name="users"/> (a query that finds the user, such as by a bearer token's hash),
    /// in the same single round trip: a bearer request costs one query before its endpoint runs.
    /// </summary>
    internal static async Task<(SignedInUser User, Caller Caller)?> LoadAsync(IQueryable<User> users, JsmsDbContext db, CancellationToken cancellationToken = default)
    {
        var memberships = db.Set<PartnershipMember>();
        var row = await users.AsNoTracking()
            .Where(u => !u.IsDisabled)
            .Select(u => new
            {
                User = new SignedInUser(u.Id, u.UserName ?? "", u.DisplayName, u.AgencyId, u.Agency!.Code,
                    (from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     where ur.UserId == u.Id
                     select r.Name!).ToList()),
                // The GREEN community of the user's agency, written as GreenCommunityAsync writes it (a join on the
                // member's agency, which both providers run as a join; a correlated Any needs APPLY, which SQLite lacks).
                Community = (from mine in memberships
                             where mine.AgencyId == u.AgencyId && mine.Role == PartnershipRole.Member
                             join m in memberships on mine.PartnershipId equals m.PartnershipId
                             select m.AgencyId).ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var user = row.User;
        return (user, new Caller(user.Id, user.UserName, user.AgencyId, user.Roles.ToHashSet(StringComparer.Ordinal), [.. row.Community.Distinct()]));
    }

    /// <summary>
    /// Owners whose GREEN records this agency receives: every agency (member or observer) of a
    /// partnership in which this agency is a full member. Observers receive GREEN only by release-to.
    /// </summary>
    internal static Task<List<Guid>> GreenCommunityAsync(Guid agencyId, JsmsDbContext db, CancellationToken cancellationToken)
    {
        var memberships = db.Set<PartnershipMember>();
        // The same join as the community LoadAsync loads with the user (CallerPerRequestTests checks they agree).
        return (from mine in memberships
                where mine.AgencyId == agencyId && mine.Role == PartnershipRole.Member
                join m in memberships on mine.PartnershipId equals m.PartnershipId
                select m.AgencyId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }
}
