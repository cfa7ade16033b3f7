using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

/// <summary>
/// The use cases of commitments, their progress notes and the progress dashboard, shared by the API and the
/// pages. Every query starts from <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>;
/// a commitment is created only under a dialogue the caller may read. Reads of sensitive records are audited.
/// </summary>
internal sealed class CommitmentsService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<List<CommitmentDto>>> ListCommitmentsAsync(Caller caller, CommitmentQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        var commitments = db.Readable<Commitment>(caller).AsNoTracking();
        if (query.Dialogue is { } dialogueId)
        {
            commitments = commitments.Where(c => c.DialogueId == dialogueId);
        }
        if (!string.IsNullOrWhiteSpace(query.Sector))
        {
            if (ConsultationValues.TryParseSector(query.Sector, out var sector))
            {
                commitments = commitments.Where(c => c.Sector == sector);
            }
            else
            {
                errors["sector"] = [$"Unknown sector '{query.Sector}': use one of {ConsultationValues.SectorChoices}."];
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (ConsultationValues.TryParseStatus(query.Status, out var status))
            {
                commitments = commitments.Where(c => c.Status == status);
            }
            else
            {
                errors["status"] = [$"Unknown status '{query.Status}': use one of {ConsultationValues.StatusChoices}."];
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<List<CommitmentDto>>(errors);
        }
        if (query.Overdue is { } overdue)
        {
            var today = Today;
            commitments = overdue
                ? commitments.Where(c => c.DueOn < today && c.Status != CommitmentStatus.Done && c.Status != CommitmentStatus.Cancelled)
                : commitments.Where(c => !(c.DueOn < today && c.Status != CommitmentStatus.Done && c.Status != CommitmentStatus.Cancelled));
        }
        var rows = await commitments.Take(1000).ToListAsync();
        var marks = await markings.DescribeAsync(rows.Select(ConsultationMapping.Key).ToList());
        var codes = await db.AgencyCodesAsync();
        return Outcome.Ok<List<CommitmentDto>>(OrderForAttention(rows).Select(c => ToDto(c, marks[c.Id], codes)).ToList());
    }

    public async Task<CommitmentDto?> GetCommitmentAsync(Caller caller, Guid id)
    {
        var commitment = await db.Readable<Commitment>(caller).AsNoTracking().Include(c => c.Notes).FirstOrDefaultAsync(c => c.Id == id);
        if (commitment is null)
        {
            return null;
        }
        return await ToDetailAsync(commitment);
    }

    public async Task<Outcome<CommitmentDto>> CreateCommitmentAsync(Caller caller, Guid dialogueId, CreateCommitmentRequest request)
    {
        var dialogue = caller.CanWrite ? await db.Readable<Dialogue>(caller).AsNoTracking().FirstOrDefaultAsync(d => d.Id == dialogueId) : null;
        if (dialogue is null)
        {
            return Outcome.NotFound<CommitmentDto>();
        }
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "title", request.Title, 300);
        Validate.CheckLength(errors, "description", request.Description, 4000);
        if (!ConsultationValues.TryParseSector(request.Sector, out var sector))
        {
            errors["sector"] = [string.IsNullOrWhiteSpace(request.Sector)
                ? $"A sector is required: one of {ConsultationValues.SectorChoices}."
                : $"Unknown sector '{request.Sector}': use one of {ConsultationValues.SectorChoices}."];
        }
        if (!ConsultationValues.TryParseDate(request.DueOn, out var dueOn))
        {
            errors["dueOn"] = [string.IsNullOrWhiteSpace(request.DueOn)
                ? "A due date (yyyy-MM-dd) is required."
                : $"'{request.DueOn}' is not a valid due date: write yyyy-MM-dd."];
        }
        var status = CommitmentStatus.Planned;
        if (!string.IsNullOrWhiteSpace(request.Status) && !ConsultationValues.TryParseStatus(request.Status, out status))
        {
            errors["status"] = [$"Unknown status '{request.Status}': use one of {ConsultationValues.StatusChoices}."];
        }
        CheckPercent(errors, request.PercentComplete);
        var responsible = caller.AgencyId;
        if (!string.IsNullOrWhiteSpace(request.ResponsibleAgency))
        {
            var code = request.ResponsibleAgency.Trim().ToUpperInvariant();
            var agency = await db.Set<Agency>().Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            if (agency is null)
            {
                errors["responsibleAgency"] = [$"Unknown agency code '{request.ResponsibleAgency}'."];
            }
            responsible = agency ?? responsible;
        }
        // The meeting must be one the caller may read (else 404 naming the field), and of this dialogue.
        References.Ensure(await db.MissingAsync<Meeting>(caller, "meetingId", request.MeetingId));
        if (request.MeetingId is { } meetingId && !await db.Set<Meeting>().AnyAsync(m => m.Id == meetingId && m.DialogueId == dialogueId))
        {
            errors["meetingId"] = ["No meeting of this dialogue has this id."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking ?? await ConsultationMapping.InheritedMarkingAsync(db, await markings.DescribeAsync(dialogue), caller));
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<CommitmentDto>(errors);
        }
        var now = Now;
        var commitment = new Commitment
        {
            Id = Guid.NewGuid(),
            DialogueId = dialogueId,
            MeetingId = request.MeetingId,
            Title = request.Title!.Trim(),
            Description = ConsultationMapping.Blank(request.Description),
            Sector = sector,
            ResponsibleAgencyId = responsible,
            DueOn = dueOn,
            Status = status,
            PercentComplete = request.PercentComplete ?? (status == CommitmentStatus.Done ? 100 : 0),
            CreatedAt = now,
            UpdatedAt = now,
        };
        markings.ApplyToNew(commitment, marking!, caller);
        db.Add(commitment);
        await db.SaveChangesAsync();
        return Outcome.Ok<CommitmentDto>(await ToDetailAsync(commitment));
    }

    public async Task<Outcome<CommitmentDto>> UpdateCommitmentAsync(Caller caller, Guid id, UpdateCommitmentRequest request)
    {
        var commitment = await db.Writable<Commitment>(caller).Include(c => c.Notes).FirstOrDefaultAsync(c => c.Id == id);
        if (commitment is null)
        {
            return Outcome.NotFound<CommitmentDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var status = commitment.Status;
        if (request.Status is not null && !ConsultationValues.TryParseStatus(request.Status, out status))
        {
            errors["status"] = [$"Unknown status '{request.Status}': use one of {ConsultationValues.StatusChoices}."];
        }
        CheckPercent(errors, request.PercentComplete);
        var dueOn = commitment.DueOn;
        if (request.DueOn is not null && !ConsultationValues.TryParseDate(request.DueOn, out dueOn))
        {
            errors["dueOn"] = [$"'{request.DueOn}' is not a valid due date: write yyyy-MM-dd."];
        }
        if (request.Status is null && request.PercentComplete is null && request.DueOn is null)
        {
            errors["status"] = ["Give a status, a percentComplete or a dueOn to change."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<CommitmentDto>(errors);
        }
        commitment.Status = status;
        commitment.DueOn = dueOn;
        commitment.PercentComplete = request.PercentComplete ?? (status == CommitmentStatus.Done ? 100 : commitment.PercentComplete);
        commitment.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok<CommitmentDto>(await ToDetailAsync(commitment));
    }

    public async Task<Outcome<CommitmentDto>> AddProgressNoteAsync(Caller caller, Guid commitmentId, AddProgressNoteRequest request)
    {
        var commitment = await db.Writable<Commitment>(caller).Include(c => c.Notes).FirstOrDefaultAsync(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return Outcome.NotFound<CommitmentDto>();
        }
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "text", request.Text, 4000);
        var writtenOn = Today;
        if (!string.IsNullOrWhiteSpace(request.WrittenOn) && !ConsultationValues.TryParseDate(request.WrittenOn, out writtenOn))
        {
            errors["writtenOn"] = [$"'{request.WrittenOn}' is not a valid date: write yyyy-MM-dd."];
        }
        else if (writtenOn > Today)
        {
            errors["writtenOn"] = ["A progress note cannot be dated in the future."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<CommitmentDto>(errors);
        }
        var note = new ProgressNote
        {
            Id = Guid.NewGuid(),
            CommitmentId = commitment.Id,
            WrittenOn = writtenOn,
            Text = request.Text!.Trim(),
            AuthorUserId = caller.UserId,
            CreatedAt = Now,
        };
        db.Add(note);
        commitment.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok<CommitmentDto>(await ToDetailAsync(commitment));
    }

    // ---- dashboard ----

    public async Task<DashboardDto> DashboardAsync(Caller caller)
    {
        var today = Today;
        var rows = await db.Readable<Commitment>(caller).AsNoTracking()
            .Select(c => new { c.Id, c.DialogueId, c.Sector, c.Status, c.PercentComplete, c.DueOn })
            .ToListAsync();
        var dialogueIds = rows.Select(r => r.DialogueId).Distinct().ToList();
        // A commitment may be released more widely than its dialogue: name only the dialogues the caller may read.
        var titles = await db.Readable<Dialogue>(caller).AsNoTracking().Where(d => dialogueIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Title);
        bool IsOverdue(DateOnly dueOn, CommitmentStatus status) => dueOn < today && ConsultationValues.IsOpen(status);

        ProgressGroupDto Group(string key, string label, IEnumerable<(CommitmentStatus Status, int Percent, DateOnly DueOn)> items)
        {
            var list = items.ToList();
            var byStatus = Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => list.Count(i => i.Status == s));
            var counted = list.Where(i => i.Status != CommitmentStatus.Cancelled).ToList();
            return new ProgressGroupDto(key, label, list.Count, byStatus, list.Count(i => IsOverdue(i.DueOn, i.Status)),
                counted.Count == 0 ? 0 : Math.Round(counted.Average(i => i.Percent), 1));
        }

        var byDialogue = rows.GroupBy(r => r.DialogueId)
            .Select(g => Group(g.Key.ToString(), titles.GetValueOrDefault(g.Key, "(dialogue not released to you)"),
                g.Select(r => (r.Status, r.PercentComplete, r.DueOn))))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Label, StringComparer.CurrentCulture).ToList();
        var bySector = rows.GroupBy(r => r.Sector)
            .Select(g => Group(g.Key.ToString(), g.Key.ToString(), g.Select(r => (r.Status, r.PercentComplete, r.DueOn))))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();

        var overdueIds = rows.Where(r => IsOverdue(r.DueOn, r.Status)).Select(r => r.Id).ToList();
        var overdue = await db.Readable<Commitment>(caller).AsNoTracking().Where(c => overdueIds.Contains(c.Id)).ToListAsync();
        var marks = await markings.DescribeAsync(overdue.Select(ConsultationMapping.Key).ToList());
        var codes = await db.AgencyCodesAsync();
        var overdueDtos = overdue.OrderBy(c => c.DueOn).ThenBy(c => c.Title, StringComparer.CurrentCulture)
            .Select(c => ToDto(c, marks[c.Id], codes)).ToList();

        var agencyId = caller.AgencyId;
        var pendingInbox = await db.Readable<UrgentMessage>(caller)
            .CountAsync(m => m.ToAgencyId == agencyId && m.AcknowledgedAt == null);
        return new DashboardDto(today, overdueDtos, byDialogue, bySector, pendingInbox);
    }

    // ---- helpers ----
    private async Task<CommitmentDto> ToDetailAsync(Commitment commitment)
    {
        var authorIds = commitment.Notes.Select(n => n.AuthorUserId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var notes = commitment.Notes.OrderByDescending(n => n.WrittenOn).ThenByDescending(n => n.CreatedAt)
            .Select(n => new ProgressNoteDto(n.Id, n.WrittenOn, n.Text, authors.GetValueOrDefault(n.AuthorUserId, "?"), n.CreatedAt)).ToList();
        return ToDto(commitment, await markings.DescribeAsync(commitment), await db.AgencyCodesAsync()) with { Notes = notes };
    }

    private CommitmentDto ToDto(Commitment c, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes)
        => ConsultationMapping.ToDto(c, marking, codes, Today);

    private IEnumerable<Commitment> OrderForAttention(IEnumerable<Commitment> commitments)
        => ConsultationMapping.OrderForAttention(commitments, Today);

    private static void CheckPercent(Dictionary<string, string[]> errors, int? percent)
    {
        if (percent is < 0 or > 100)
        {
            errors["percentComplete"] = ["The percentage complete is between 0 and 100."];
        }
    }
}
