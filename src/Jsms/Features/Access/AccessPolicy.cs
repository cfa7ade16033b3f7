using System.Linq.Expressions;
using Jsms.Platform.Database;

namespace Jsms.Features.Access;

/// <summary>
/// The one access policy of JSMS (docs/access-policy.md). Every query of shared records starts from
/// <see cref="Readable{T}"/> or <see cref="Writable{T}"/>, so the decision runs in the database as a
/// WHERE clause and a record the caller may not see is simply not found (404).
/// </summary>
public static class AccessPolicy
{
    /// <summary>Records of type <typeparamref name="T"/> that <paramref name="caller"/> may read.</summary>
    public static IQueryable<T> Readable<T>(this JsmsDbContext db, Caller caller) where T : class, IReleasable
        => db.Set<T>().Where(CanRead<T>(caller, db));

    /// <summary>Records the caller may change: readable, owned by the caller's agency, and the caller has a writing role.</summary>
    public static IQueryable<T> Writable<T>(this JsmsDbContext db, Caller caller) where T : class, IReleasable
    {
        if (!caller.CanWrite)
        {
            return db.Set<T>().Where(_ => false);
        }
        var agencyId = caller.AgencyId;
        return db.Readable<T>(caller).Where(r => r.OwnerAgencyId == agencyId);
    }

    /// <summary>The read rule as an expression EF Core translates to SQL.</summary>
    public static Expression<Func<T, bool>> CanRead<T>(Caller caller, JsmsDbContext db) where T : class, IReleasable
    {
        var userId = caller.UserId;
        var agencyId = caller.AgencyId;
        var community = caller.GreenCommunityOwnerIds.ToList();
        var grants = db.Set<ReleaseGrant>();
        var recipients = db.Set<NamedRecipient>();

        if (typeof(INeedToKnow).IsAssignableFrom(typeof(T)) && caller.IsInRole(Accounts.JsmsRoles.Coordinator))
        {
            // Need-to-know records (movements): the owner agency's coordinators read them at every level,
            // RED included; everyone else reads them by the ordinary rule (named recipients, creator...).
            return r =>
                r.OwnerAgencyId == agencyId
                || r.Tlp == Tlp.Clear
                || r.CreatedByUserId == userId
                || (r.Tlp == Tlp.Green && community.Contains(r.OwnerAgencyId))
                || ((r.Tlp == Tlp.Green || r.Tlp == Tlp.Amber)
                    && grants.Any(g => g.RecordId == r.Id && g.AgencyId == agencyId))
                || recipients.Where(n => n.RecordId == r.Id && n.UserId == userId).Select(n => (Guid?)n.UserId).FirstOrDefault() != null;
        }

        // The same rule as docs/access-policy.md, in a shape chosen for the query planners (docs/decisions/0011): the
        // column tests first, then the lookups by the record's key, which SQLite and PostgreSQL evaluate left to right and
        // stop at the first that holds; the named-recipient check as a scalar subquery, not EXISTS: PostgreSQL turns an
        // EXISTS under OR into a hash of ALL the user's named-recipient rows, built for every query (a TAXII page of
        // 1,000 rows paid for 50,000), where this is one primary-key probe per row that gets that far.
        return r =>
            r.Tlp == Tlp.Clear
            || r.CreatedByUserId == userId
            || (r.OwnerAgencyId == agencyId && r.Tlp != Tlp.Red)
            || (r.Tlp == Tlp.Green && community.Contains(r.OwnerAgencyId))
            || ((r.Tlp == Tlp.Green || r.Tlp == Tlp.Amber)
                && grants.Any(g => g.RecordId == r.Id && g.AgencyId == agencyId))
            || recipients.Where(n => n.RecordId == r.Id && n.UserId == userId).Select(n => (Guid?)n.UserId).FirstOrDefault() != null;
    }

    /// <summary>Records at these levels are sensitive: every read of one is audited.</summary>
    public static bool IsSensitive(Tlp tlp) => tlp is Tlp.AmberStrict or Tlp.Red;
}
