using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Equipment;

/// <summary>
/// A transfer of supplied items to a third party needs the supplier's consent. The recipient agency's writers ask;
/// only the supplier agency's writers decide (approve, or refuse with a reason), nobody decides their own agency's
/// request, and a request is decided once. The whole rule sits in this one class so that it can move onto the
/// operations module's shared decision rules when those exist.
/// </summary>
internal sealed class TransferConsent(JsmsDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<TransferRequestDto>> RequestAsync(Caller caller, Guid agreementId, RequestTransferRequest request)
    {
        // Only the recipient holds the items: anyone else (the supplier included) is told the agreement is not there to ask under.
        var agreement = caller.CanWrite
            ? await db.Readable<SupplyAgreement>(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId && a.RecipientAgencyId == caller.AgencyId)
            : null;
        if (agreement is null)
        {
            return Outcome.NotFound<TransferRequestDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var thirdParty = Validate.Text(errors, "thirdParty", request.ThirdParty, 300, required: true);
        var reason = Validate.Text(errors, "reason", request.Reason, 4000, required: true);
        var serials = (request.SerialNumbers ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (serials.Count is 0 or > 5000)
        {
            errors["serialNumbers"] = ["Name 1 to 5000 serial numbers to transfer."];
        }
        else
        {
            var known = (await db.Set<DeliveredItem>().Where(i => i.AgreementId == agreementId).Select(i => i.SerialNumber).ToListAsync())
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = serials.Where(s => !known.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                errors["serialNumbers"] = [$"Not delivered under this agreement: {string.Join(", ", unknown.Take(20))}."];
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<TransferRequestDto>(errors);
        }
        var transfer = new TransferRequest
        {
            Id = Guid.NewGuid(),
            AgreementId = agreementId,
            RequestingAgencyId = caller.AgencyId,
            RequestedByUserId = caller.UserId,
            ThirdParty = thirdParty!,
            SerialNumbers = serials,
            Reason = reason!,
            RequestedAt = Now,
            Status = TransferStatus.Pending,
        };
        db.Add(transfer);
        await db.SaveChangesAsync();
        return Outcome.Ok(await DescribeAsync(transfer));
    }

    public async Task<TransferRequestDto?> GetAsync(Caller caller, Guid id)
    {
        var transfer = await Readable(caller).FirstOrDefaultAsync(t => t.Id == id);
        return transfer is null ? null : await DescribeAsync(transfer);
    }

    /// <summary>
    /// The supplier's decision. Forbidden (with why) when the caller may read the request but is not a writer of the
    /// supplier agency, or belongs to the requesting agency; a conflict when it was decided already.
    /// </summary>
    public async Task<(Outcome<TransferRequestDto> Outcome, string? Forbidden)> DecideAsync(Caller caller, Guid id, DecideTransferRequest request)
    {
        var transfer = await Readable(caller).FirstOrDefaultAsync(t => t.Id == id);
        if (transfer is null)
        {
            return (Outcome.NotFound<TransferRequestDto>(), null);
        }
        var supplier = await db.Set<SupplyAgreement>().Where(a => a.Id == transfer.AgreementId).Select(a => a.OwnerAgencyId).FirstAsync();
        if (caller.AgencyId == transfer.RequestingAgencyId)
        {
            return (Outcome.NotFound<TransferRequestDto>(), "Nobody decides their own agency's transfer request: the supplier agency decides.");
        }
        if (caller.AgencyId != supplier || !caller.CanWrite)
        {
            return (Outcome.NotFound<TransferRequestDto>(), "Only a writer of the supplier agency decides a transfer request.");
        }
        if (transfer.Status != TransferStatus.Pending)
        {
            return (Outcome.InConflict<TransferRequestDto>($"This request was already {transfer.Status.ToString().ToLowerInvariant()} on {transfer.DecidedAt:yyyy-MM-dd}."), null);
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Approve is null)
        {
            errors["approve"] = ["Say whether the transfer is approved (true) or refused (false)."];
        }
        var reason = Validate.Text(errors, "reason", request.Reason, 4000, required: request.Approve == false);
        if (errors.Count > 0)
        {
            return (Outcome.Invalid<TransferRequestDto>(errors), null);
        }
        // The copy read untracked carries the decision for the answer; the row changes through the conditional update below.
        transfer.Status = request.Approve == true ? TransferStatus.Approved : TransferStatus.Refused;
        transfer.DecidedByUserId = caller.UserId;
        transfer.DecidedAt = Now;
        transfer.DecisionReason = reason;
        // Decided once even when two deciders race: the update applies only while the request is still pending.
        var changed = await db.Set<TransferRequest>().Where(t => t.Id == id && t.Status == TransferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, transfer.Status).SetProperty(t => t.DecidedByUserId, transfer.DecidedByUserId)
                .SetProperty(t => t.DecidedAt, transfer.DecidedAt).SetProperty(t => t.DecisionReason, transfer.DecisionReason));
        if (changed == 0)
        {
            return (Outcome.InConflict<TransferRequestDto>("This request was decided meanwhile."), null);
        }
        db.Audit(transfer.Status == TransferStatus.Approved ? "approve" : "refuse", nameof(TransferRequest), transfer.Id, reason);
        await db.SaveChangesAsync();
        return (Outcome.Ok(await DescribeAsync(transfer)), null);
    }

    /// <summary>Transfer requests under agreements the caller may read.</summary>
    private IQueryable<TransferRequest> Readable(Caller caller)
    {
        var agreements = db.Readable<SupplyAgreement>(caller);
        return db.Set<TransferRequest>().AsNoTracking().Where(t => agreements.Any(a => a.Id == t.AgreementId));
    }

    private async Task<TransferRequestDto> DescribeAsync(TransferRequest transfer)
    {
        var userIds = new[] { transfer.RequestedByUserId, transfer.DecidedByUserId ?? Guid.Empty };
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        return ToDto(transfer, users, codes);
    }

    internal static TransferRequestDto ToDto(TransferRequest t, IReadOnlyDictionary<Guid, string> users, IReadOnlyDictionary<Guid, string> codes)
        => new(t.Id, t.AgreementId, codes.GetValueOrDefault(t.RequestingAgencyId, "?"), users.GetValueOrDefault(t.RequestedByUserId, "?"),
            t.ThirdParty, t.SerialNumbers, t.Reason, t.RequestedAt, t.Status,
            t.DecidedByUserId is { } d ? users.GetValueOrDefault(d, "?") : null, t.DecidedAt, t.DecisionReason);
}
