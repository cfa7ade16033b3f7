using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

/// <summary>What the dialogue, meeting and commitment services share: record keys, DTO mapping, ordering and marking inheritance.</summary>
internal static class ConsultationMapping
{
    internal static (Guid Id, Guid OwnerAgencyId, Tlp Tlp) Key(IReleasable r) => (r.Id, r.OwnerAgencyId, r.Tlp);

    internal static DialogueDto ToDto(Dialogue d, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes)
        => new(d.Id, d.Title, d.Format, d.Description, d.PartnershipId,
            d.Parties.Select(p => codes.GetValueOrDefault(p.AgencyId, "?")).Order(StringComparer.Ordinal).ToList(), d.CreatedAt, marking);

    internal static MeetingDto ToDto(Meeting m, MarkingDto marking)
        => new(m.Id, m.DialogueId, m.Title, m.HeldOn, m.Place, m.Participants, m.Agenda, m.Minutes, marking);

    internal static CommitmentDto ToDto(Commitment c, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes, DateOnly today)
    {
        var overdue = c.DueOn < today && ConsultationValues.IsOpen(c.Status);
        return new CommitmentDto(c.Id, c.DialogueId, c.MeetingId, c.Title, c.Description, c.Sector,
            codes.GetValueOrDefault(c.ResponsibleAgencyId, "?"), c.DueOn, c.Status, c.PercentComplete, overdue,
            overdue ? today.DayNumber - c.DueOn.DayNumber : 0, c.CreatedAt, c.UpdatedAt, marking);
    }

    /// <summary>Overdue first (most overdue on top), then open by due date, then done and cancelled.</summary>
    internal static IEnumerable<Commitment> OrderForAttention(IEnumerable<Commitment> commitments, DateOnly today)
        => commitments
            .OrderBy(c => c.DueOn < today && ConsultationValues.IsOpen(c.Status) ? 0 : ConsultationValues.IsOpen(c.Status) ? 1 : 2)
            .ThenBy(c => c.DueOn)
            .ThenBy(c => c.Title, StringComparer.CurrentCulture);

    /// <summary>
    /// The marking a child gets when none is given: the parent's TLP, released to the parent's owner and
    /// release-to list (minus the caller's own agency), so whoever reads the dialogue can read what is added to it.
    /// </summary>
    internal static async Task<MarkingInput> InheritedMarkingAsync(JsmsDbContext db, MarkingDto described, Caller caller)
    {
        var ownCode = await db.Set<Agency>().Where(a => a.Id == caller.AgencyId).Select(a => a.Code).FirstAsync();
        var releaseTo = described.ReleaseTo.Append(described.OwnerAgency).Where(c => c != ownCode).Distinct().ToArray();
        return new MarkingInput(described.Tlp, releaseTo, []);
    }

    internal static Task<Dictionary<Guid, string>> AgencyCodesAsync(this JsmsDbContext db)
        => db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
