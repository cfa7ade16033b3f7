using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Requests for information between partner agencies (docs/intelligence.md, "Requests for information"). Every query starts
/// from <see cref="Visible"/>: the access policy and "the caller's agency asked or is asked", so an agency not addressed
/// gets 404 even for a GREEN or CLEAR request. Reading a request (its question and answers) is audited where it is shown
/// (<see cref="RfiDto"/> is an <see cref="IAuditedRead"/>).
/// </summary>
internal sealed class RfiService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    private const int ListLimit = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Requests the caller may read: readable by the policy, and asked by or addressed to the caller's agency.</summary>
    public static IQueryable<Rfi> Visible(JsmsDbContext db, Caller caller)
    {
        var agencyId = caller.AgencyId;
        return db.Readable<Rfi>(caller).Where(r => r.OwnerAgencyId == agencyId || r.Addressees.Any(a => a.AgencyId == agencyId));
    }

    /// <summary>Open requests past their deadline with an addressed agency that has not answered.</summary>
    public static IQueryable<Rfi> Overdue(IQueryable<Rfi> query, DateTime now)
        => query.Where(r => r.Status == RfiStatus.Open && r.DueAt < now && r.Addressees.Any(a => a.AnsweredAt == null));

    public async Task<Outcome<RfiDto>> AskAsync(Caller caller, AskRfiRequest request)
    {
        if (!caller.CanWrite)
        {
            return Outcome.NotFound<RfiDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var codes = (request.To ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var agencies = await db.Set<Agency>().Where(a => codes.Contains(a.Code)).Select(a => new { a.Id, a.Code }).ToListAsync();
        if (codes.Count == 0)
        {
            errors["to"] = ["Name at least one partner agency to ask (agency codes, e.g. CN-MPS)."];
        }
        else if (codes.Except(agencies.Select(a => a.Code)).ToList() is { Count: > 0 } unknown)
        {
            errors["to"] = [$"Unknown agency code(s): {string.Join(", ", unknown)}."];
        }
        else if (agencies.Any(a => a.Id == caller.AgencyId))
        {
            errors["to"] = ["A request for information goes to partner agencies: leave your own agency out."];
        }
        Validate.RequireText(errors, "title", request.Title, 300);
        Validate.RequireText(errors, "question", request.Question, 8000);
        var now = Now;
        if (request.DueAt is not { } due)
        {
            errors["dueAt"] = ["The deadline (UTC) is required."];
            due = default;
        }
        else if (due.ToUniversalTime() <= now || due.ToUniversalTime() > now.AddYears(1))
        {
            errors["dueAt"] = ["The deadline must be in the future and within a year."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking, Tlp.Amber);
        Validate.Merge(errors, markingErrors);
        var asked = agencies.Select(a => a.Id).ToList();
        if (marking is not null && marking.ReleaseToAgencyIds.Except(asked).Any())
        {
            errors["marking.releaseTo"] = ["A request is released to the agencies it asks: list them under 'to', not in the marking."];
        }
        if (marking is not null && AccessPolicy.IsSensitive(marking.Tlp) && errors.Count == 0)
        {
            // Release-to does not reach AMBER+STRICT or RED: each asked agency reads it only through a named recipient.
            var covered = await db.Users.Where(u => marking.RecipientUserIds.Contains(u.Id)).Select(u => u.AgencyId).Distinct().ToListAsync();
            if (agencies.Where(a => !covered.Contains(a.Id)).Select(a => a.Code).ToList() is { Count: > 0 } missing)
            {
                errors["marking.tlp"] = [$"At {marking.Tlp.Label()} an asked agency sees the request only through named recipients: name a user of {string.Join(", ", missing)}, or use AMBER."];
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<RfiDto>(errors);
        }
        var rfi = new Rfi
        {
            Id = Guid.NewGuid(),
            Title = request.Title!.Trim(),
            Question = request.Question!.Trim(),
            AskedAt = now,
            DueAt = DateTime.SpecifyKind(due.ToUniversalTime(), DateTimeKind.Utc),
            Status = RfiStatus.Open,
        };
        rfi.Addressees.AddRange(asked.Select(a => new RfiAddressee { RfiId = rfi.Id, AgencyId = a }));
        markings.ApplyToNew(rfi, marking! with { ReleaseToAgencyIds = asked }, caller);
        db.Add(rfi);
        await db.SaveChangesAsync();
        return Outcome.Ok((await DescribeAsync(caller, rfi))!);
    }

    /// <summary>Requests to the caller's agency (<c>inbox</c>), from it (<c>outbox</c>) or both; optionally only the overdue ones. Titles only: not audited.</summary>
    public async Task<List<RfiSummary>> ListAsync(Caller caller, string? box, bool overdue)
    {
        var agencyId = caller.AgencyId;
        var query = Visible(db, caller).AsNoTracking();
        query = box switch
        {
            "inbox" => query.Where(r => r.Addressees.Any(a => a.AgencyId == agencyId)),
            "outbox" => query.Where(r => r.OwnerAgencyId == agencyId),
            _ => query,
        };
        var now = Now;
        if (overdue)
        {
            query = Overdue(query, now);
        }
        var rows = await query.Include(r => r.Addressees).OrderBy(r => r.Status).ThenBy(r => r.DueAt).Take(ListLimit).ToListAsync();
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        return [.. rows.Select(r => new RfiSummary(r.Id, codes.GetValueOrDefault(r.OwnerAgencyId, "?"),
            [.. r.Addressees.Select(a => codes.GetValueOrDefault(a.AgencyId, "?")).Order(StringComparer.Ordinal)], r.Title, r.AskedAt, r.DueAt,
            r.Status.ToString(), IsOverdue(r, now), r.Addressees.Count(a => a.AnsweredAt != null), r.Tlp.Label()))];
    }

    /// <summary>How many open requests are overdue, for the coordinators' badge.</summary>
    public Task<int> OverdueCountAsync(Caller caller) => Overdue(Visible(db, caller), Now).CountAsync();

    public async Task<RfiDto?> GetAsync(Caller caller, Guid id)
    {
        var rfi = await Visible(db, caller).AsNoTracking().Include(r => r.Addressees).FirstOrDefaultAsync(r => r.Id == id);
        return rfi is null ? null : await DescribeAsync(caller, rfi);
    }

    /// <summary>A writer of an asked agency assigns the request to a user of that agency.</summary>
    public async Task<Outcome<RfiDto>> AssignAsync(Caller caller, Guid id, AssignRfiRequest request)
    {
        var (rfi, addressee) = await AddressedAsync(caller, id);
        if (rfi is null || addressee is null)
        {
            return Outcome.NotFound<RfiDto>();
        }
        var name = request.User?.Trim().ToUpperInvariant() ?? "";
        var agencyId = caller.AgencyId;
        var user = name.Length == 0 ? null
            : await db.Users.Where(u => u.NormalizedUserName == name && u.AgencyId == agencyId && !u.IsDisabled).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        if (user is null)
        {
            return Outcome.Invalid<RfiDto>(new() { ["user"] = ["The user name of an active user of your agency."] });
        }
        if (rfi.Status == RfiStatus.Closed)
        {
            return Outcome.InConflict<RfiDto>("The request is closed.");
        }
        addressee.AssignedToUserId = user;
        addressee.AssignedAt = Now;
        db.Audit("assign", nameof(Rfi), rfi.Id, request.User!.Trim());
        await db.SaveChangesAsync();
        return Outcome.Ok((await DescribeAsync(caller, rfi))!);
    }

    /// <summary>A writer of an asked agency answers; linked STIX objects must be ones the caller may read.</summary>
    public async Task<Outcome<RfiDto>> AnswerAsync(Caller caller, Guid id, AnswerRfiRequest request)
    {
        var (rfi, addressee) = await AddressedAsync(caller, id);
        if (rfi is null || addressee is null)
        {
            return Outcome.NotFound<RfiDto>();
        }
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "text", request.Text, 8000);
        var given = (request.StixIds ?? []).Select(s => s?.Trim() ?? "").ToList();
        var ids = given.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > 50 || ids.Any(i => i.Length > 300))
        {
            errors["stixIds"] = ["At most 50 STIX ids."];
        }
        else
        {
            // Linked objects must be ones the answering caller may read (docs/access-policy.md, "References").
            References.Ensure(await db.MissingAsync<StixObjectVersion, string>(caller, "stixIds", o => o.StixId, given, s => s.Length > 0));
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<RfiDto>(errors);
        }
        if (rfi.Status == RfiStatus.Closed)
        {
            return Outcome.InConflict<RfiDto>("The request is closed.");
        }
        var now = Now;
        db.Add(new RfiAnswer
        {
            Id = Guid.NewGuid(),
            RfiId = rfi.Id,
            AgencyId = caller.AgencyId,
            UserId = caller.UserId,
            Text = request.Text!.Trim(),
            StixRefs = ids.Count == 0 ? null : string.Join(' ', ids),
            AnsweredAt = now,
        });
        addressee.AnsweredAt ??= now;
        await db.SaveChangesAsync();
        return Outcome.Ok((await DescribeAsync(caller, rfi))!);
    }

    /// <summary>A writer of the asking agency closes the request.</summary>
    public async Task<Outcome<RfiDto>> CloseAsync(Caller caller, Guid id)
    {
        var rfi = await db.Writable<Rfi>(caller).Include(r => r.Addressees).FirstOrDefaultAsync(r => r.Id == id);
        if (rfi is null)
        {
            return Outcome.NotFound<RfiDto>();
        }
        if (rfi.Status == RfiStatus.Closed)
        {
            return Outcome.InConflict<RfiDto>("The request is closed already.");
        }
        rfi.Status = RfiStatus.Closed;
        rfi.ClosedAt = Now;
        rfi.ClosedByUserId = caller.UserId;
        await db.SaveChangesAsync();
        return Outcome.Ok((await DescribeAsync(caller, rfi))!);
    }

    /// <summary>The request and the caller's agency's addressee row, tracked; null when the caller may not act on it as an asked agency.</summary>
    private async Task<(Rfi?, RfiAddressee?)> AddressedAsync(Caller caller, Guid id)
    {
        if (!caller.CanWrite)
        {
            return (null, null);
        }
        var agencyId = caller.AgencyId;
        var rfi = await Visible(db, caller).Include(r => r.Addressees).FirstOrDefaultAsync(r => r.Id == id && r.Addressees.Any(a => a.AgencyId == agencyId));
        return (rfi, rfi?.Addressees.Single(a => a.AgencyId == agencyId));
    }

    private static bool IsOverdue(Rfi r, DateTime now) => r.Status == RfiStatus.Open && r.DueAt < now && r.Addressees.Any(a => a.AnsweredAt == null);

    /// <summary>The request with its addressees and the answers the caller's agency may see (the asker sees all, an asked agency its own).</summary>
    private async Task<RfiDto> DescribeAsync(Caller caller, Rfi rfi)
    {
        var agencyId = caller.AgencyId;
        var answers = await db.Set<RfiAnswer>().AsNoTracking()
            .Where(a => a.RfiId == rfi.Id && (rfi.OwnerAgencyId == agencyId || a.AgencyId == agencyId))
            .OrderBy(a => a.AnsweredAt).ToListAsync();
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var userIds = answers.Select(a => a.UserId).Append(rfi.CreatedByUserId)
            .Concat(rfi.Addressees.Where(a => a.AssignedToUserId != null).Select(a => a.AssignedToUserId!.Value)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var marking = await markings.DescribeAsync(rfi);
        return new RfiDto(rfi.Id, codes.GetValueOrDefault(rfi.OwnerAgencyId, "?"), users.GetValueOrDefault(rfi.CreatedByUserId, "?"), rfi.Title,
            rfi.Question, rfi.AskedAt, rfi.DueAt, rfi.Status.ToString(), IsOverdue(rfi, Now), rfi.ClosedAt,
            [.. rfi.Addressees.OrderBy(a => codes.GetValueOrDefault(a.AgencyId), StringComparer.Ordinal).Select(a => new RfiAddresseeDto(
                codes.GetValueOrDefault(a.AgencyId, "?"), a.AssignedToUserId is { } u ? users.GetValueOrDefault(u, "?") : null, a.AssignedAt, a.AnsweredAt))],
            [.. answers.Select(a => new RfiAnswerDto(a.Id, codes.GetValueOrDefault(a.AgencyId, "?"), users.GetValueOrDefault(a.UserId, "?"), a.Text,
                a.AnsweredAt, a.StixRefs?.Split(' ') ?? []))],
            marking);
    }
}
