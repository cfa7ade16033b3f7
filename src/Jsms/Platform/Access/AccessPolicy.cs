using System.Linq.Expressions;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Access;

/// <summary>
/// The one access policy of JSMS (docs/access-policy.md). Every query of shared records starts from
/// <see cref="Readable{T}"/> or <see cref="Writable{T}"/>, so the decision runs in the database as a
/// WHERE clause and a record the caller may not see is simply not found (404).
/// </summary>
internal static class AccessPolicy
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

        if (typeof(INeedToKnow).IsAssignableFrom(typeof(T)) && caller.IsInRole(Jsms.Platform.Identity.JsmsRoles.Coordinator))
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

    /// <summary>
    /// Whether the caller may act on a record raised on its owner agency's behalf (acknowledge, assign or resolve an alert):
    /// a member of the owner agency with a writing role. The same rule as <see cref="Writable{T}"/>, for a record already
    /// known to be readable: a reader who may not act gets 403, a record the caller may not read stays 404.
    /// </summary>
    public static bool MayAct(this Caller caller, IReleasable record) => caller.CanWrite && record.OwnerAgencyId == caller.AgencyId;

    // Derived records (docs/access-policy.md, "Derived records"): a record derived from others (an alert from a site and the
    // trackers or sensors that entered it) lists its inputs in DerivedInputs with a copy of each input's marking. It may be
    // read in full only by those who may read every input; its other readers get its redacted form.

    /// <summary>Records the caller may read in full: readable, and every input they were derived from readable too.</summary>
    public static IQueryable<T> FullyReadable<T>(this JsmsDbContext db, Caller caller) where T : class, IReleasable
        => db.Readable<T>(caller).Where(AllInputsReadable<T>(caller, db));

    /// <summary>The derived-record rule as an expression: no input of the record is hidden from the caller (true for a record with no inputs).</summary>
    public static Expression<Func<T, bool>> AllInputsReadable<T>(Caller caller, JsmsDbContext db) where T : class, IReleasable
    {
        var inputs = db.Set<DerivedInput>();
        var unreadable = UnreadableInput(caller, db);
        return r => !inputs.Where(i => i.DerivedId == r.Id).Any(unreadable);
    }

    /// <summary>For each of these derived records, the ids of its inputs the caller may not read (absent: all readable).</summary>
    public static async Task<ILookup<Guid, Guid>> UnreadableInputsAsync(this JsmsDbContext db, Caller caller, IReadOnlyCollection<Guid> derivedIds,
        CancellationToken cancellationToken = default)
    {
        if (derivedIds.Count == 0)
        {
            return Array.Empty<(Guid, Guid)>().ToLookup(p => p.Item1, p => p.Item2);
        }
        var ids = derivedIds.Distinct().ToList();
        var rows = await db.Set<DerivedInput>().AsNoTracking().Where(i => ids.Contains(i.DerivedId)).Where(UnreadableInput(caller, db))
            .Select(i => new { i.DerivedId, i.Id }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.DerivedId, r => r.Id);
    }

    /// <summary>An input the caller may not read: the read rule applied to the input's marking (need-to-know inputs as such).</summary>
    private static Expression<Func<DerivedInput, bool>> UnreadableInput(Caller caller, JsmsDbContext db)
    {
        var canRead = CanRead<DerivedInput>(caller, db);
        var input = canRead.Parameters[0];
        var body = canRead.Body;
        if (caller.IsInRole(Jsms.Platform.Identity.JsmsRoles.Coordinator))
        {
            // The need-to-know rule is the ordinary rule plus "the owner agency's coordinators read it at every level".
            var agencyId = caller.AgencyId;
            Expression<Func<DerivedInput, bool>> ownCoordinator = i => i.NeedToKnow && i.OwnerAgencyId == agencyId;
            body = Expression.OrElse(new Rebind(ownCoordinator.Parameters[0], input).Visit(ownCoordinator.Body), body);
        }
        return Expression.Lambda<Func<DerivedInput, bool>>(Expression.Not(body), input);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>Records at these levels are sensitive: every read of one is audited.</summary>
    public static bool IsSensitive(Tlp tlp) => tlp is Tlp.AmberStrict or Tlp.Red;
}
