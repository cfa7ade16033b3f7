using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

/// <summary>
/// The use cases of dialogues, meetings and commitments, shared by the API and the pages. Every query
/// starts from <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>; a child
/// is created only under a parent the caller may read. Reads of sensitive records are audited.
/// </summary>
internal sealed class ConsultationService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- dialogues ----

    public async Task<List<DialogueDto>> ListDialoguesAsync(Caller caller)
    {
        var dialogues = await db.Readable<Dialogue>(caller).AsNoTracking().Include(d => d.Parties)
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Title).ToListAsync();
        var marks = await markings.DescribeAsync(dialogues.Select(Key).ToList());
        var codes = await AgencyCodesAsync();
        return dialogues.Select(d => ToDto(d, marks[d.Id], codes)).ToList();
    }

    /// <summary>The dialogue with the meetings and commitments the caller may read; null if the dialogue is not readable.</summary>
    public async Task<DialogueDto?> GetDialogueAsync(Caller caller, Guid id)
    {
        var dialogue = await db.Readable<Dialogue>(caller).AsNoTracking().Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == id);
        if (dialogue is null)
        {
            return null;
        }
        var meetings = await db.Readable<Meeting>(caller).AsNoTracking().Where(m => m.DialogueId == id)
            .OrderByDescending(m => m.HeldOn).ToListAsync();
        var commitments = await db.Readable<Commitment>(caller).AsNoTracking().Where(c => c.DialogueId == id).ToListAsync();
        var marks = await markings.DescribeAsync([Key(dialogue), .. meetings.Select(Key), .. commitments.Select(Key)]);
        var codes = await AgencyCodesAsync();
        return ToDto(dialogue, marks[dialogue.Id], codes) with
        {
            Meetings = meetings.Select(m => ToDto(m, marks[m.Id])).ToList(),
            Commitments = OrderForAttention(commitments).Select(c => ToDto(c, marks[c.Id], codes)).ToList(),
        };
    }

    public async Task<Outcome<DialogueDto>> CreateDialogueAsync(Caller caller, CreateDialogueRequest request)
    {
        if (!caller.CanWrite)
        {
            return Outcome.NotFound<DialogueDto>();
        }
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "title", request.Title, 300);
        Validate.CheckLength(errors, "format", request.Format, 200);
        Validate.CheckLength(errors, "description", request.Description, 4000);
        if (request.PartnershipId is { } partnershipId && !await db.Set<Partnership>().AnyAsync(p => p.Id == partnershipId))
        {
            errors["partnershipId"] = ["No partnership has this id."];
        }
        var parties = await ResolveAgenciesAsync(errors, "parties", request.Parties);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<DialogueDto>(errors);
        }
        var dialogue = new Dialogue
        {
            Id = Guid.NewGuid(),
            Title = request.Title!.Trim(),
            Format = request.Format?.Trim() ?? "",
            Description = Blank(request.Description),
            PartnershipId = request.PartnershipId,
            CreatedAt = Now,
            Parties = parties.Select(a => new DialogueParty { AgencyId = a }).ToList(),
        };
        markings.ApplyToNew(dialogue, marking!, caller);
        db.Add(dialogue);
        await db.SaveChangesAsync();
        return Outcome.Ok<DialogueDto>(ToDto(dialogue, await markings.DescribeAsync(dialogue), await AgencyCodesAsync()));
    }

    public async Task<Outcome<DialogueDto>> UpdateDialogueAsync(Caller caller, Guid id, UpdateDialogueRequest request)
    {
        var dialogue = await db.Writable<Dialogue>(caller).Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == id);
        if (dialogue is null)
        {
            return Outcome.NotFound<DialogueDto>();
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Title is not null)
        {
            Validate.RequireText(errors, "title", request.Title, 300);
        }
        Validate.CheckLength(errors, "format", request.Format, 200);
        Validate.CheckLength(errors, "description", request.Description, 4000);
        var parties = request.Parties is null ? null : await ResolveAgenciesAsync(errors, "parties", request.Parties);
        ResolvedMarking? marking = null;
        if (request.Marking is not null)
        {
            (marking, var markingErrors) = await markings.ResolveAsync(request.Marking, dialogue.Tlp);
            Validate.Merge(errors, markingErrors);
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<DialogueDto>(errors);
        }
        if (request.Title is not null)
        {
            dialogue.Title = request.Title.Trim();
        }
        if (request.Format is not null)
        {
            dialogue.Format = request.Format.Trim();
        }
        if (request.Description is not null)
        {
            dialogue.Description = Blank(request.Description);
        }
        if (parties is not null)
        {
            dialogue.Parties.RemoveAll(p => !parties.Contains(p.AgencyId));
            dialogue.Parties.AddRange(parties.Where(a => dialogue.Parties.All(p => p.AgencyId != a)).Select(a => new DialogueParty { AgencyId = a }));
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(dialogue, marking);
        }
        await db.SaveChangesAsync();
        return Outcome.Ok<DialogueDto>(ToDto(dialogue, await markings.DescribeAsync(dialogue), await AgencyCodesAsync()));
    }

    // ---- meetings ----

    public async Task<MeetingDto?> GetMeetingAsync(Caller caller, Guid id)
    {
        var meeting = await db.Readable<Meeting>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (meeting is null)
        {
            return null;
        }
        return ToDto(meeting, await markings.DescribeAsync(meeting));
    }

    public async Task<Outcome<MeetingDto>> CreateMeetingAsync(Caller caller, Guid dialogueId, CreateMeetingRequest request)
    {
        var dialogue = caller.CanWrite ? await db.Readable<Dialogue>(caller).AsNoTracking().FirstOrDefaultAsync(d => d.Id == dialogueId) : null;
        if (dialogue is null)
        {
            return Outcome.NotFound<MeetingDto>();
        }
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "title", request.Title, 300);
        if (!ConsultationValues.TryParseDate(request.HeldOn, out var heldOn))
        {
            errors["heldOn"] = ["A date (yyyy-MM-dd) is required."];
        }
        Validate.CheckLength(errors, "place", request.Place, 200);
        Validate.CheckLength(errors, "participants", request.Participants, 4000);
        Validate.CheckLength(errors, "agenda", request.Agenda, 8000);
        Validate.CheckLength(errors, "minutes", request.Minutes, 32000);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking ?? await InheritedMarkingAsync(dialogue, caller));
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MeetingDto>(errors);
        }
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(),
            DialogueId = dialogueId,
            Title = request.Title!.Trim(),
            HeldOn = heldOn,
            Place = request.Place?.Trim() ?? "",
            Participants = request.Participants?.Trim() ?? "",
            Agenda = request.Agenda?.Trim() ?? "",
            Minutes = request.Minutes?.Trim() ?? "",
        };
        markings.ApplyToNew(meeting, marking!, caller);
        db.Add(meeting);
        await db.SaveChangesAsync();
        return Outcome.Ok<MeetingDto>(ToDto(meeting, await markings.DescribeAsync(meeting)));
    }

    public async Task<Outcome<MeetingDto>> UpdateMinutesAsync(Caller caller, Guid id, UpdateMinutesRequest request)
    {
        var meeting = await db.Writable<Meeting>(caller).FirstOrDefaultAsync(m => m.Id == id);
        if (meeting is null)
        {
            return Outcome.NotFound<MeetingDto>();
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Minutes is null)
        {
            errors["minutes"] = ["The minutes are required (an empty text clears them)."];
        }
        Validate.CheckLength(errors, "minutes", request.Minutes, 32000);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MeetingDto>(errors);
        }
        meeting.Minutes = request.Minutes!.Trim();
        await db.SaveChangesAsync();
        return Outcome.Ok<MeetingDto>(ToDto(meeting, await markings.DescribeAsync(meeting)));
    }

    // ---- commitments ----

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
        var marks = await markings.DescribeAsync(rows.Select(Key).ToList());
        var codes = await AgencyCodesAsync();
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
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking ?? await InheritedMarkingAsync(dialogue, caller));
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
            Description = Blank(request.Description),
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
        var marks = await markings.DescribeAsync(overdue.Select(Key).ToList());
        var codes = await AgencyCodesAsync();
        var overdueDtos = overdue.OrderBy(c => c.DueOn).ThenBy(c => c.Title, StringComparer.CurrentCulture)
            .Select(c => ToDto(c, marks[c.Id], codes)).ToList();

        var agencyId = caller.AgencyId;
        var pendingInbox = await db.Readable<UrgentMessage>(caller)
            .CountAsync(m => m.ToAgencyId == agencyId && m.AcknowledgedAt == null);
        return new DashboardDto(today, overdueDtos, byDialogue, bySector, pendingInbox);
    }

    // ---- helpers ----

    /// <summary>Overdue first (most overdue on top), then open by due date, then done and cancelled.</summary>
    internal IEnumerable<Commitment> OrderForAttention(IEnumerable<Commitment> commitments)
    {
        var today = Today;
        return commitments
            .OrderBy(c => c.DueOn < today && ConsultationValues.IsOpen(c.Status) ? 0 : ConsultationValues.IsOpen(c.Status) ? 1 : 2)
            .ThenBy(c => c.DueOn)
            .ThenBy(c => c.Title, StringComparer.CurrentCulture);
    }

    /// <summary>
    /// The marking a child gets when none is given: the parent's TLP, released to the parent's owner and
    /// release-to list (minus the caller's own agency), so whoever reads the dialogue can read what is added to it.
    /// </summary>
    internal async Task<MarkingInput> InheritedMarkingAsync(IReleasable parent, Caller caller)
        => await InheritedMarkingAsync(await markings.DescribeAsync(parent), caller);

    /// <inheritdoc cref="InheritedMarkingAsync(IReleasable, Caller)"/>
    public async Task<MarkingInput> InheritedMarkingAsync(MarkingDto described, Caller caller)
    {
        var ownCode = await db.Set<Agency>().Where(a => a.Id == caller.AgencyId).Select(a => a.Code).FirstAsync();
        var releaseTo = described.ReleaseTo.Append(described.OwnerAgency).Where(c => c != ownCode).Distinct().ToArray();
        return new MarkingInput(described.Tlp, releaseTo, []);
    }

    private async Task<CommitmentDto> ToDetailAsync(Commitment commitment)
    {
        var authorIds = commitment.Notes.Select(n => n.AuthorUserId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var notes = commitment.Notes.OrderByDescending(n => n.WrittenOn).ThenByDescending(n => n.CreatedAt)
            .Select(n => new ProgressNoteDto(n.Id, n.WrittenOn, n.Text, authors.GetValueOrDefault(n.AuthorUserId, "?"), n.CreatedAt)).ToList();
        return ToDto(commitment, await markings.DescribeAsync(commitment), await AgencyCodesAsync()) with { Notes = notes };
    }

    internal Task<Dictionary<Guid, string>> AgencyCodesAsync()
        => db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);

    private async Task<List<Guid>> ResolveAgenciesAsync(Dictionary<string, string[]> errors, string field, string[]? codes)
    {
        var wanted = (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var found = await db.Set<Agency>().Where(a => wanted.Contains(a.Code)).Select(a => new { a.Id, a.Code }).ToListAsync();
        var unknown = wanted.Except(found.Select(a => a.Code)).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"Unknown agency code(s): {string.Join(", ", unknown)}."];
        }
        return found.Select(a => a.Id).ToList();
    }

    internal static (Guid Id, Guid OwnerAgencyId, Tlp Tlp) Key(IReleasable r) => (r.Id, r.OwnerAgencyId, r.Tlp);

    internal static DialogueDto ToDto(Dialogue d, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes)
        => new(d.Id, d.Title, d.Format, d.Description, d.PartnershipId,
            d.Parties.Select(p => codes.GetValueOrDefault(p.AgencyId, "?")).Order(StringComparer.Ordinal).ToList(), d.CreatedAt, marking);

    internal static MeetingDto ToDto(Meeting m, MarkingDto marking)
        => new(m.Id, m.DialogueId, m.Title, m.HeldOn, m.Place, m.Participants, m.Agenda, m.Minutes, marking);

    internal CommitmentDto ToDto(Commitment c, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes)
    {
        var today = Today;
        var overdue = c.DueOn < today && ConsultationValues.IsOpen(c.Status);
        return new CommitmentDto(c.Id, c.DialogueId, c.MeetingId, c.Title, c.Description, c.Sector,
            codes.GetValueOrDefault(c.ResponsibleAgencyId, "?"), c.DueOn, c.Status, c.PercentComplete, overdue,
            overdue ? today.DayNumber - c.DueOn.DayNumber : 0, c.CreatedAt, c.UpdatedAt, marking);
    }

    private static void CheckPercent(Dictionary<string, string[]> errors, int? percent)
    {
        if (percent is < 0 or > 100)
        {
            errors["percentComplete"] = ["The percentage complete is between 0 and 100."];
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
