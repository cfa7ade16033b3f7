using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

/// <summary>
/// The use cases of dialogues, shared by the API and the pages. Every query starts from
/// <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>; a dialogue shows only the
/// meetings and commitments the caller may read. Reads of sensitive records are audited.
/// </summary>
internal sealed class DialoguesService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<DialogueDto>> ListDialoguesAsync(Caller caller)
    {
        var dialogues = await db.Readable<Dialogue>(caller).AsNoTracking().Include(d => d.Parties)
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Title).ToListAsync();
        var marks = await markings.DescribeAsync(dialogues.Select(ConsultationMapping.Key).ToList());
        var codes = await db.AgencyCodesAsync();
        return dialogues.Select(d => ConsultationMapping.ToDto(d, marks[d.Id], codes)).ToList();
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
        var marks = await markings.DescribeAsync([ConsultationMapping.Key(dialogue), .. meetings.Select(ConsultationMapping.Key), .. commitments.Select(ConsultationMapping.Key)]);
        var codes = await db.AgencyCodesAsync();
        var today = Today;
        return ConsultationMapping.ToDto(dialogue, marks[dialogue.Id], codes) with
        {
            Meetings = meetings.Select(m => ConsultationMapping.ToDto(m, marks[m.Id])).ToList(),
            Commitments = ConsultationMapping.OrderForAttention(commitments, today).Select(c => ConsultationMapping.ToDto(c, marks[c.Id], codes, today)).ToList(),
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
            Description = ConsultationMapping.Blank(request.Description),
            PartnershipId = request.PartnershipId,
            CreatedAt = Now,
            Parties = parties.Select(a => new DialogueParty { AgencyId = a }).ToList(),
        };
        markings.ApplyToNew(dialogue, marking!, caller);
        db.Add(dialogue);
        await db.SaveChangesAsync();
        return Outcome.Ok<DialogueDto>(ConsultationMapping.ToDto(dialogue, await markings.DescribeAsync(dialogue), await db.AgencyCodesAsync()));
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
            dialogue.Description = ConsultationMapping.Blank(request.Description);
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
        return Outcome.Ok<DialogueDto>(ConsultationMapping.ToDto(dialogue, await markings.DescribeAsync(dialogue), await db.AgencyCodesAsync()));
    }

    /// <summary>The codes of all agencies by id, for the choices of the forms.</summary>
    public Task<Dictionary<Guid, string>> AgencyCodesAsync() => db.AgencyCodesAsync();

    /// <inheritdoc cref="ConsultationMapping.InheritedMarkingAsync"/>
    public Task<MarkingInput> InheritedMarkingAsync(MarkingDto described, Caller caller)
        => ConsultationMapping.InheritedMarkingAsync(db, described, caller);

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
}
