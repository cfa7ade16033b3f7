using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

/// <summary>
/// The use cases of meetings, shared by the API and the pages. Every query starts from
/// <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>; a meeting is created only
/// under a dialogue the caller may read. Reads of sensitive records are audited.
/// </summary>
internal sealed class MeetingsService(JsmsDbContext db, ReleaseMarkings markings)
{
    public async Task<MeetingDto?> GetMeetingAsync(Caller caller, Guid id)
    {
        var meeting = await db.Readable<Meeting>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (meeting is null)
        {
            return null;
        }
        return ConsultationMapping.ToDto(meeting, await markings.DescribeAsync(meeting));
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
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking ?? await ConsultationMapping.InheritedMarkingAsync(db, await markings.DescribeAsync(dialogue), caller));
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
        return Outcome.Ok<MeetingDto>(ConsultationMapping.ToDto(meeting, await markings.DescribeAsync(meeting)));
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
        return Outcome.Ok<MeetingDto>(ConsultationMapping.ToDto(meeting, await markings.DescribeAsync(meeting)));
    }
}
