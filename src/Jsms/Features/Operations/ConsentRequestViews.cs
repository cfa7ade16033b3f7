using Jsms.Features.Protection;
using Jsms.Features.Training;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// A consent request as its parties see it: content (passport numbers in clear, so the read is audited), decisions,
/// the rule's progress ("2 of 3 approved, no veto yet") and each deployed person's training and vetting currency.
/// </summary>
internal sealed class ConsentRequestViews(JsmsDbContext db, PassportNumbers passports, TrainingCurrency training)
{
    /// <summary>The request as its parties see it, with its decisions and the progress of the current round.</summary>
    public async Task<ConsentRequestDto> DescribeAsync(Caller caller, ConsentRequest request)
    {
        var decisions = await db.Set<ConsentDecision>().AsNoTracking().Where(d => d.RequestId == request.Id).OrderBy(d => d.At).ToListAsync();
        var authorityIds = request.Authorities.Select(a => a.AgencyId).ToList();
        var names = await NamesAsync(authorityIds.Append(request.OwnerAgencyId).Concat(decisions.Select(d => d.AuthorityAgencyId)), [request.HostStateId]);
        var deciders = decisions.Select(d => d.DecidedByUserId).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var tally = ConsentDecisions.Evaluate(request.Rule, request.QuorumN, authorityIds, decisions.Where(d => d.Round == request.Round).ToList());
        var progress = new DecisionProgressDto(request.Rule.ToString(), request.Rule == DecisionRule.Quorum ? request.QuorumN : null, tally.Authorities,
            tally.Approvals, tally.Refusals, tally.InformationRequests, [.. tally.Pending.Select(names.Agency).Order()],
            request.Status == ConsentRequestStatus.Draft ? "Draft" : tally.Outcome.ToString(),
            request.Status == ConsentRequestStatus.Draft ? "not submitted yet" : tally.Summary);
        return new ConsentRequestDto(
            request.Id, names.Agency(request.OwnerAgencyId), names.State(request.HostStateId), [.. authorityIds.Select(names.Agency).Order()],
            request.Kind.ToString(), request.Purpose, Geo.ToJson(request.Area), request.PeriodStart, request.PeriodEnd, request.Standing,
            request.Exclusions,
            [.. request.Personnel.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new PersonnelDto(p.Id, p.Name, p.Rank, p.Role, passports.Unprotect(p.PassportNumberProtected),
                p.TrainedOn, p.VettedOn, p.UserId))],
            [.. request.Vehicles.OrderBy(v => v.Callsign, StringComparer.Ordinal).Select(v => new VehicleDto(v.Id, v.Kind, v.Callsign, v.DeviceId))],
            [.. request.Equipment.Select(e => new EquipmentDto(e.Id, e.Type, e.SerialNumber, e.Quantity))],
            request.RulesOfEngagement, request.DecisionDeadline, request.Status.ToString(), request.Round, request.Version, request.ClonedFromId,
            request.AmendsConsentId, request.ConsentId, request.CreatedAt, request.SubmittedAt, request.DecidedAt, progress,
            [.. decisions.Select(d => new ConsentDecisionDto(d.Id, d.Round, names.Agency(d.AuthorityAgencyId), userNames.GetValueOrDefault(d.DecidedByUserId, "?"),
                d.Answer.ToString(), d.Reasons, d.Conditions, d.NarrowedArea is null ? null : Geo.ToJson(d.NarrowedArea), d.NarrowedStart, d.NarrowedEnd,
                d.PersonnelIds, d.At))],
            await CurrencyAsync(caller, request, names.Agency(request.OwnerAgencyId)));
    }

    /// <summary>
    /// Each deployed person's certificates on the period start. Vetting is out of date unless a vetting certificate is
    /// current then: the vetting date typed into the request is the requester's word, the certificate is the record.
    /// </summary>
    private async Task<List<PersonnelCurrencyDto>> CurrencyAsync(Caller caller, ConsentRequest request, string requesterCode)
    {
        var people = request.Personnel.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var on = DateOnly.FromDateTime(request.PeriodStart);
        var currency = await training.OfAsync(caller, [.. people.Select(p => new PersonRef(p.UserId, p.UserId is null ? p.Name : null, p.UserId is null ? requesterCode : null))], on);
        return [.. people.Zip(currency, (p, c) =>
        {
            var warnings = new List<string>();
            warnings.AddRange(c.Certificates.Where(x => x.CertificateState == CurrencyState.Expired)
                .Select(x => $"{x.Course}: certificate expired on {x.CertificateExpiresOn:yyyy-MM-dd}"));
            warnings.AddRange(c.Certificates.Where(x => x.CertificateState == CurrencyState.Expiring)
                .Select(x => $"{x.Course}: certificate expires on {x.CertificateExpiresOn:yyyy-MM-dd}"));
            if (!c.VettingCurrent)
            {
                warnings.Add(p.VettedOn is { } vetted
                    ? $"Vetting out of date: no current vetting certificate on {on:yyyy-MM-dd} (declared vetted on {vetted:yyyy-MM-dd})"
                    : $"Vetting out of date: no current vetting certificate on {on:yyyy-MM-dd}");
            }
            return new PersonnelCurrencyDto(p.Id, p.Name, on,
                [.. c.Certificates.Select(x => new CertificateCurrencyDto(x.CourseId, x.Course, x.CertificateNumber, x.CertificateIssuedOn,
                    x.CertificateExpiresOn, x.CertificateState))],
                c.AnyExpired, c.AnyExpiring, c.VettingCurrent, warnings);
        })];
    }

    private async Task<OperationNames> NamesAsync(IEnumerable<Guid> agencyIds, IEnumerable<Guid> stateIds)
        => await OperationNames.LoadAsync(db, agencyIds, stateIds);
}
