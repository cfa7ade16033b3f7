using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Identity;

/// <summary>The enabled coordinators of agencies: the people an escalation names.</summary>
internal static class Coordinators
{
    public static Task<List<Guid>> OfAgenciesAsync(JsmsDbContext db, IReadOnlyCollection<Guid> agencyIds, CancellationToken cancellationToken)
        => (from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where agencyIds.Contains(u.AgencyId) && !u.IsDisabled && r.Name == JsmsRoles.Coordinator
            select u.Id).Distinct().ToListAsync(cancellationToken);
}
