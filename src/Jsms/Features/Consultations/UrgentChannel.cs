using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

/// <summary>
/// The urgent channel between partner agencies: a message the recipient agency must acknowledge before a
/// deadline. The sender's agency owns the message and it is always released to the recipient agency.
/// Every read of a message (it carries its body) is audited.
/// </summary>
internal sealed class UrgentChannel(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    private const int BoxLimit = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<UrgentMessageDto>> SendAsync(Caller caller, SendUrgentRequest request)
    {
        if (!caller.CanWrite)
        {
            return Outcome.NotFound<UrgentMessageDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var code = request.To?.Trim().ToUpperInvariant() ?? "";
        var to = code.Length == 0 ? null : await db.Set<Agency>().Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        if (code.Length == 0)
        {
            errors["to"] = ["The recipient agency code is required, e.g. IR-MOI."];
        }
        else if (to is null)
        {
            errors["to"] = [$"Unknown agency code '{request.To}'."];
        }
        else if (to == caller.AgencyId)
        {
            errors["to"] = ["The urgent channel is between partner agencies: choose another agency than your own."];
        }
        Validate.RequireText(errors, "subject", request.Subject, 300);
        Validate.RequireText(errors, "body", request.Body, 8000);
        if (request.AcknowledgeWithinMinutes is not { } minutes || minutes < 1 || minutes > ConsultationValues.MaxAcknowledgeMinutes)
        {
            errors["acknowledgeWithinMinutes"] = [$"Give the minutes the recipient has to acknowledge: 1 to {ConsultationValues.MaxAcknowledgeMinutes}."];
            minutes = 0;
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking, Tlp.Amber);
        Validate.Merge(errors, markingErrors);
        if (marking is not null && to is { } recipientAgency && AccessPolicy.IsSensitive(marking.Tlp)
            && !await db.Users.AnyAsync(u => marking.RecipientUserIds.Contains(u.Id) && u.AgencyId == recipientAgency))
        {
            // Release-to does not reach AMBER+STRICT or RED: only named recipients of the recipient agency could read it.
            errors["marking.tlp"] = [$"At {marking.Tlp.Label()} the recipient agency sees the message only through named recipients: name at least one user of {code}, or use AMBER."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<UrgentMessageDto>(errors);
        }
        var now = Now;
        var message = new UrgentMessage
        {
            Id = Guid.NewGuid(),
            ToAgencyId = to!.Value,
            Subject = request.Subject!.Trim(),
            Body = request.Body!.Trim(),
            SentAt = now,
            AcknowledgeBy = now.AddMinutes(minutes),
        };
        var released = marking! with { ReleaseToAgencyIds = [.. marking.ReleaseToAgencyIds.Append(to.Value).Distinct()] };
        markings.ApplyToNew(message, released, caller);
        db.Add(message);
        await db.SaveChangesAsync();
        return Outcome.Ok<UrgentMessageDto>((await DescribeAsync([message], "read"))[0]);
    }

    /// <summary>Messages to the caller's agency (inbox) and from it (outbox): unacknowledged first, newest first.</summary>
    public async Task<UrgentBoxDto> BoxAsync(Caller caller)
    {
        var agencyId = caller.AgencyId;
        var readable = db.Readable<UrgentMessage>(caller).AsNoTracking();
        var inbox = await readable.Where(m => m.ToAgencyId == agencyId)
            .OrderBy(m => m.AcknowledgedAt != null).ThenByDescending(m => m.SentAt).Take(BoxLimit).ToListAsync();
        var outbox = await readable.Where(m => m.OwnerAgencyId == agencyId)
            .OrderBy(m => m.AcknowledgedAt != null).ThenByDescending(m => m.SentAt).Take(BoxLimit).ToListAsync();
        return new UrgentBoxDto(await DescribeAsync(inbox, "inbox"), await DescribeAsync(outbox, "outbox"));
    }

    public async Task<UrgentMessageDto?> GetAsync(Caller caller, Guid id)
    {
        var message = await db.Readable<UrgentMessage>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        return message is null ? null : (await DescribeAsync([message], "read"))[0];
    }

    /// <summary>
    /// Only a user of the recipient agency with a writing role acknowledges. The message belongs to the
    /// sender's agency, so this is the one change to it that is not made through <c>Writable</c>: the
    /// WHERE clause is "readable by the caller and addressed to the caller's agency".
    /// </summary>
    public async Task<Outcome<UrgentMessageDto>> AcknowledgeAsync(Caller caller, Guid id, AcknowledgeUrgentRequest request)
    {
        var agencyId = caller.AgencyId;
        var message = caller.CanWrite
            ? await db.Readable<UrgentMessage>(caller).FirstOrDefaultAsync(m => m.Id == id && m.ToAgencyId == agencyId)
            : null;
        if (message is null)
        {
            return Outcome.NotFound<UrgentMessageDto>();
        }
        var errors = new Dictionary<string, string[]>();
        Validate.CheckLength(errors, "reply", request.Reply, 4000);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<UrgentMessageDto>(errors);
        }
        if (message.AcknowledgedAt is { } at)
        {
            return Outcome.InConflict<UrgentMessageDto>($"The message was acknowledged already at {at:yyyy-MM-dd HH:mm} UTC.");
        }
        message.AcknowledgedAt = Now;
        message.AcknowledgedByUserId = caller.UserId;
        message.Reply = string.IsNullOrWhiteSpace(request.Reply) ? null : request.Reply.Trim();
        await db.SaveChangesAsync();
        return Outcome.Ok<UrgentMessageDto>((await DescribeAsync([message], "read"))[0]);
    }

    /// <summary>Unacknowledged messages to the caller's agency, soonest deadline first (for the dashboard: subjects only, no audit).</summary>
    public Task<List<UrgentSummary>> PendingInboxAsync(Caller caller)
    {
        var agencyId = caller.AgencyId;
        return db.Readable<UrgentMessage>(caller).AsNoTracking()
            .Where(m => m.ToAgencyId == agencyId && m.AcknowledgedAt == null)
            .OrderBy(m => m.AcknowledgeBy).Take(20)
            .Join(db.Set<Agency>(), m => m.OwnerAgencyId, a => a.Id, (m, a) => new UrgentSummary(m.Id, a.Code, m.Subject, m.SentAt, m.AcknowledgeBy))
            .ToListAsync();
    }

    /// <summary>Maps messages to DTOs with their markings and audits each read (the body is in the DTO).</summary>
    private async Task<List<UrgentMessageDto>> DescribeAsync(List<UrgentMessage> messages, string detail)
    {
        if (messages.Count == 0)
        {
            return [];
        }
        var marks = await markings.DescribeAsync(messages.Select(ConsultationMapping.Key).ToList());
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var userIds = messages.Select(m => m.CreatedByUserId).Concat(messages.Where(m => m.AcknowledgedByUserId != null).Select(m => m.AcknowledgedByUserId!.Value)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        foreach (var message in messages)
        {
            db.Audit("read", nameof(UrgentMessage), message.Id, detail);
        }
        await db.SaveChangesAsync();
        var now = Now;
        return messages.Select(m => new UrgentMessageDto(m.Id, codes.GetValueOrDefault(m.OwnerAgencyId, "?"), codes.GetValueOrDefault(m.ToAgencyId, "?"),
            users.GetValueOrDefault(m.CreatedByUserId, "?"), m.Subject, m.Body, m.SentAt, m.AcknowledgeBy,
            m.AcknowledgedAt is not null ? UrgentState.Acknowledged : now > m.AcknowledgeBy ? UrgentState.Overdue : UrgentState.Pending,
            m.AcknowledgedAt, m.AcknowledgedByUserId is { } by ? users.GetValueOrDefault(by, "?") : null, m.Reply, m.EscalatedAt, marks[m.Id])).ToList();
    }
}
