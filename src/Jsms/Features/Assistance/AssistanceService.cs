using Jsms.Features.Consultations;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Assistance;

/// <summary>
/// Assistance activities, shared by the API, the pages and the IATI import. The donor (the caller's agency) owns the
/// activity; linked commitments must be ones the caller may read (<see cref="References"/>, else 404 naming the field),
/// and a reader is shown only the linked commitments they may read.
/// </summary>
internal sealed class AssistanceService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<ActivityDto>> ListAsync(Caller caller)
    {
        var rows = await db.Readable<AssistanceActivity>(caller).AsNoTracking().OrderBy(a => a.Title).Take(1000).ToListAsync();
        return await ToDtosAsync(caller, rows);
    }

    public async Task<ActivityDto?> GetAsync(Caller caller, Guid id)
    {
        var activity = await db.Readable<AssistanceActivity>(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        return activity is null ? null : (await ToDtosAsync(caller, [activity]))[0];
    }

    /// <summary>The activity entity (for the IATI export), or null when the caller may not read it.</summary>
    public Task<AssistanceActivity?> FindAsync(Caller caller, Guid id)
        => db.Readable<AssistanceActivity>(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);

    public async Task<Outcome<ActivityDto>> CreateAsync(Caller caller, ActivityRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        ActivityValidation.Check(request, errors);
        References.Ensure(await db.MissingAsync<Commitment>(caller, "commitmentIds", request.CommitmentIds ?? []));
        var identifier = request.IatiIdentifier?.Trim();
        var agencyId = caller.AgencyId;
        if (identifier is not null && await db.Set<AssistanceActivity>().AnyAsync(a => a.OwnerAgencyId == agencyId && a.IatiIdentifier == identifier))
        {
            errors["iatiIdentifier"] = [$"Your agency already reports an activity '{identifier}'."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ActivityDto>(errors);
        }
        var activity = new AssistanceActivity { Id = Guid.NewGuid(), CreatedAt = Now };
        Apply(activity, request);
        markings.ApplyToNew(activity, marking!, caller);
        db.Add(activity);
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync(caller, [activity]))[0]);
    }

    /// <summary>Replaces the whole activity (the marking stays unless one is given).</summary>
    public async Task<Outcome<ActivityDto>> ReplaceAsync(Caller caller, Guid id, ActivityRequest request)
    {
        var activity = await db.Writable<AssistanceActivity>(caller).FirstOrDefaultAsync(a => a.Id == id);
        if (activity is null)
        {
            return Outcome.NotFound<ActivityDto>();
        }
        var errors = new Dictionary<string, string[]>();
        ActivityValidation.Check(request, errors);
        References.Ensure(await db.MissingAsync<Commitment>(caller, "commitmentIds", request.CommitmentIds ?? []));
        var identifier = request.IatiIdentifier?.Trim();
        var agencyId = caller.AgencyId;
        if (identifier is not null && await db.Set<AssistanceActivity>().AnyAsync(a => a.OwnerAgencyId == agencyId && a.IatiIdentifier == identifier && a.Id != id))
        {
            errors["iatiIdentifier"] = [$"Your agency already reports an activity '{identifier}'."];
        }
        ResolvedMarking? marking = null;
        if (request.Marking is not null)
        {
            (marking, var markingErrors) = await markings.ResolveAsync(request.Marking);
            Validate.Merge(errors, markingErrors);
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ActivityDto>(errors);
        }
        Apply(activity, request);
        if (marking is not null)
        {
            await markings.ReplaceAsync(activity, marking);
        }
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync(caller, [activity]))[0]);
    }

    /// <summary>
    /// Imports one IATI activity as a new activity of the caller's agency, which must be its reporting-org. Marking:
    /// AMBER, released to the implementer when that is a known agency. Any error (XML or value) stores nothing.
    /// </summary>
    public async Task<Outcome<ActivityDto>> ImportAsync(Caller caller, Stream xml, long maxCharacters)
    {
        var (request, reportingOrg, errors) = IatiXml.Read(xml, maxCharacters);
        if (request is null || errors.Count > 0)
        {
            return Outcome.Invalid<ActivityDto>(errors);
        }
        var own = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == caller.AgencyId).Select(a => a.Code).FirstAsync();
        if (!string.Equals(reportingOrg, own, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Invalid<ActivityDto>(new Dictionary<string, string[]>
            {
                ["reporting-org/@ref"] = [$"The reporting organisation '{reportingOrg}' is not your agency ({own}): import your own agency's activities."],
            });
        }
        var implementerCode = request.ImplementerRef?.ToUpperInvariant();
        var releaseTo = implementerCode is not null && implementerCode != own && await db.Set<Agency>().AnyAsync(a => a.Code == implementerCode)
            ? new[] { implementerCode }
            : [];
        return await CreateAsync(caller, request with { Marking = new MarkingInput("AMBER", releaseTo, []) });
    }

    private void Apply(AssistanceActivity a, ActivityRequest r)
    {
        a.IatiIdentifier = r.IatiIdentifier!.Trim();
        a.Title = r.Title!.Trim();
        a.Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim();
        a.Implementer = r.Implementer!.Trim();
        a.ImplementerRef = string.IsNullOrWhiteSpace(r.ImplementerRef) ? null : r.ImplementerRef.Trim();
        a.SectorCode = r.SectorCode!.Trim();
        a.Status = r.Status!.Value;
        (a.PlannedStart, a.ActualStart, a.PlannedEnd, a.ActualEnd) = (r.PlannedStart, r.ActualStart, r.PlannedEnd, r.ActualEnd);
        a.DefaultCurrency = r.DefaultCurrency ?? "USD";
        // IATI requires a value date: the period start or transaction date unless one is given, stored so an export reads back the same.
        a.Budgets = [.. (r.Budgets ?? []).Select(b => { b.ValueDate ??= b.PeriodStart; return b; })];
        a.Transactions = [.. (r.Transactions ?? []).Select(t => { t.ValueDate ??= t.Date; t.Description = string.IsNullOrWhiteSpace(t.Description) ? null : t.Description.Trim(); return t; })];
        a.Conditions = [.. (r.Conditions ?? []).Select(c => new ActivityCondition { Type = c.Type, Text = c.Text!.Trim() })];
        a.Results = [.. r.Results ?? []];
        foreach (var rating in a.Results.SelectMany(x => x.Indicators).Where(i => i.Reference is not null).SelectMany(i => i.Ratings.Select(g => (i, g))))
        {
            rating.g.Rating = IatiCodes.Rating(rating.i.Reference!, rating.g.Rating);
        }
        a.CommitmentIds = [.. (r.CommitmentIds ?? []).Distinct()];
        a.UpdatedAt = Now;
    }

    private async Task<List<ActivityDto>> ToDtosAsync(Caller caller, IReadOnlyList<AssistanceActivity> activities)
    {
        var marks = await markings.DescribeAsync(activities.Select(a => (a.Id, a.OwnerAgencyId, a.Tlp)).ToList());
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var ids = activities.SelectMany(a => a.CommitmentIds).Distinct().ToList();
        var commitments = await db.Readable<Commitment>(caller).AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new LinkedCommitmentDto(c.Id, c.Title, c.Status.ToString(), c.DueOn));
        return activities.Select(a =>
        {
            decimal Sum(int type) => a.Transactions.Where(t => t.Type == type && (t.Currency ?? a.DefaultCurrency) == a.DefaultCurrency).Sum(t => t.Value ?? 0);
            return new ActivityDto(a.Id, a.IatiIdentifier, a.Title, a.Description, codes.GetValueOrDefault(a.OwnerAgencyId, "?"), a.Implementer,
                a.ImplementerRef, a.SectorCode, IatiCodes.Sectors.GetValueOrDefault(a.SectorCode), a.Status, IatiCodes.ActivityStatus.GetValueOrDefault(a.Status, "?"),
                a.PlannedStart, a.ActualStart, a.PlannedEnd, a.ActualEnd, a.DefaultCurrency, a.Budgets, a.Transactions, a.Conditions, a.Results,
                a.CommitmentIds.Where(commitments.ContainsKey).Select(c => commitments[c]).ToList(),
                a.Budgets.Where(b => (b.Currency ?? a.DefaultCurrency) == a.DefaultCurrency).Sum(b => b.Value ?? 0), Sum(2), Sum(3), Sum(4),
                a.CreatedAt, a.UpdatedAt, marks[a.Id]);
        }).ToList();
    }
}
