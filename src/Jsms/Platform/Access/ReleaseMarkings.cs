using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Access;

/// <summary>Resolves, applies and describes release markings for any <see cref="IReleasable"/> record.</summary>
internal sealed class ReleaseMarkings(JsmsDbContext db)
{
    /// <summary>Validates the input; unknown agencies or users are reported under <c>marking.*</c>.</summary>
    public async Task<(ResolvedMarking? Marking, Dictionary<string, string[]> Errors)> ResolveAsync(MarkingInput? input, Tlp defaultTlp = Tlp.Amber)
    {
        var errors = new Dictionary<string, string[]>();
        var tlp = defaultTlp;
        if (!string.IsNullOrWhiteSpace(input?.Tlp) && !TlpNames.TryParse(input.Tlp, out tlp))
        {
            errors["marking.tlp"] = [$"'{input.Tlp}' is not a TLP 2.0 level: use CLEAR, GREEN, AMBER, AMBER+STRICT or RED."];
        }
        var codes = (input?.ReleaseTo ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        // No query for an empty list: most markings name no agency and no recipient.
        List<(Guid Id, string Code)> agencies = codes.Count == 0 ? []
            : [.. (await db.Set<Agency>().Where(a => codes.Contains(a.Code)).Select(a => new { a.Id, a.Code }).ToListAsync()).Select(a => (a.Id, a.Code))];
        var unknownAgencies = codes.Except(agencies.Select(a => a.Code)).ToList();
        if (unknownAgencies.Count > 0)
        {
            errors["marking.releaseTo"] = [$"Unknown agency code(s): {string.Join(", ", unknownAgencies)}."];
        }
        var names = (input?.Recipients ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var normalized = names.Select(n => n.ToUpperInvariant()).ToList();
        List<(Guid Id, string? NormalizedUserName)> users = normalized.Count == 0 ? []
            : [.. (await db.Users.Where(u => normalized.Contains(u.NormalizedUserName!)).Select(u => new { u.Id, u.NormalizedUserName }).ToListAsync()).Select(u => (u.Id, u.NormalizedUserName))];
        var unknownUsers = names.Where(n => !users.Any(u => string.Equals(u.NormalizedUserName, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknownUsers.Count > 0)
        {
            errors["marking.recipients"] = [$"Unknown user(s): {string.Join(", ", unknownUsers)}."];
        }
        return errors.Count > 0
            ? (null, errors)
            : (new ResolvedMarking(tlp, agencies.Select(a => a.Id).ToList(), users.Select(u => u.Id).ToList()), errors);
    }

    /// <summary>Stamps a new record with the caller's agency as owner and adds its marking to the unit of work.</summary>
    public void ApplyToNew(IReleasable record, ResolvedMarking marking, Caller caller)
    {
        var (grants, recipients) = MarkNew(record, marking, caller);
        db.Set<ReleaseGrant>().AddRange(grants);
        db.Set<NamedRecipient>().AddRange(recipients);
    }

    /// <summary>Stamps a new record like <see cref="ApplyToNew"/> and returns its marking rows untracked (for <see cref="JsmsDbContext.InsertReleasableInBulkAsync{T}"/>).</summary>
    public static (List<ReleaseGrant> Grants, List<NamedRecipient> Recipients) MarkNew(IReleasable record, ResolvedMarking marking, Caller caller)
    {
        if (record.Id == Guid.Empty)
        {
            // The marking rows are keyed by the record's id: without one they would mark nothing (or everything unsaved).
            throw new InvalidOperationException("Give the record its Id before applying its marking.");
        }
        record.OwnerAgencyId = caller.AgencyId;
        record.CreatedByUserId = caller.UserId;
        record.Tlp = marking.Tlp;
        return ([.. marking.ReleaseToAgencyIds.Select(a => new ReleaseGrant { RecordId = record.Id, AgencyId = a })],
            [.. marking.RecipientUserIds.Select(u => new NamedRecipient { RecordId = record.Id, UserId = u })]);
    }

    /// <summary>Replaces the marking of an existing record (the owner stays).</summary>
    public async Task ReplaceAsync(IReleasable record, ResolvedMarking marking)
    {
        record.Tlp = marking.Tlp;
        var grants = await db.Set<ReleaseGrant>().Where(g => g.RecordId == record.Id).ToListAsync();
        db.Set<ReleaseGrant>().RemoveRange(grants.Where(g => !marking.ReleaseToAgencyIds.Contains(g.AgencyId)));
        db.Set<ReleaseGrant>().AddRange(marking.ReleaseToAgencyIds.Where(a => grants.All(g => g.AgencyId != a))
            .Select(a => new ReleaseGrant { RecordId = record.Id, AgencyId = a }));
        var recipients = await db.Set<NamedRecipient>().Where(r => r.RecordId == record.Id).ToListAsync();
        db.Set<NamedRecipient>().RemoveRange(recipients.Where(r => !marking.RecipientUserIds.Contains(r.UserId)));
        db.Set<NamedRecipient>().AddRange(marking.RecipientUserIds.Where(u => recipients.All(r => r.UserId != u))
            .Select(u => new NamedRecipient { RecordId = record.Id, UserId = u }));
    }

    /// <summary>Removes the marking rows of a deleted record.</summary>
    public async Task RemoveAsync(Guid recordId)
    {
        db.Set<ReleaseGrant>().RemoveRange(await db.Set<ReleaseGrant>().Where(g => g.RecordId == recordId).ToListAsync());
        db.Set<NamedRecipient>().RemoveRange(await db.Set<NamedRecipient>().Where(r => r.RecordId == recordId).ToListAsync());
    }

    /// <summary>Describes the markings of the given records (already checked readable) in two queries.</summary>
    public async Task<Dictionary<Guid, MarkingDto>> DescribeAsync(IReadOnlyCollection<(Guid Id, Guid OwnerAgencyId, Tlp Tlp)> records)
    {
        var ids = records.Select(r => r.Id).ToList();
        var grants = await db.Set<ReleaseGrant>().AsNoTracking().Where(g => ids.Contains(g.RecordId))
            .Join(db.Set<Agency>(), g => g.AgencyId, a => a.Id, (g, a) => new { g.RecordId, a.Code }).ToListAsync();
        var recipients = await db.Set<NamedRecipient>().AsNoTracking().Where(r => ids.Contains(r.RecordId))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.RecordId, u.UserName }).ToListAsync();
        var ownerIds = records.Select(r => r.OwnerAgencyId).Distinct().ToList();
        var owners = await db.Set<Agency>().AsNoTracking().Where(a => ownerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Code);
        var grantsBy = grants.ToLookup(g => g.RecordId, g => g.Code);
        var recipientsBy = recipients.ToLookup(r => r.RecordId, r => r.UserName ?? "");
        return records.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => new MarkingDto(r.Tlp.Label(),
            owners.GetValueOrDefault(r.OwnerAgencyId, "?"), [.. grantsBy[r.Id].Order()], [.. recipientsBy[r.Id].Order()]));
    }

    public async Task<MarkingDto> DescribeAsync(IReleasable record)
        => (await DescribeAsync([(record.Id, record.OwnerAgencyId, record.Tlp)]))[record.Id];
}
