using Jsms.Features.Protection;
using Jsms.Features.Screening.Lists;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// The use cases of watchlists and their subjects, shared by the API (<see cref="WatchlistsModule"/>) and the pages. A
/// watchlist is read through <see cref="AccessPolicy.Readable{T}"/> and changed through <see cref="AccessPolicy.Writable{T}"/>;
/// its subjects go with it (a subject of a watchlist the caller may not read is not found). Every added or changed subject
/// is screened at once.
/// </summary>
internal sealed class WatchlistsService(JsmsDbContext db, ReleaseMarkings markings, PersonIdentifiers identifiers, WatchlistRescreener rescreener,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<WatchlistDto>> ListAsync(Caller caller)
        => await DtosAsync(await db.Readable<Watchlist>(caller).AsNoTracking().OrderBy(w => w.Name).ToListAsync());

    public async Task<WatchlistDto?> GetAsync(Caller caller, Guid id)
        => await db.Readable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == id) is { } w ? (await DtosAsync([w]))[0] : null;

    private async Task<List<WatchlistDto>> DtosAsync(List<Watchlist> lists)
    {
        var ids = lists.Select(w => w.Id).ToList();
        var subjects = await db.Set<WatchSubject>().Where(s => ids.Contains(s.WatchlistId)).GroupBy(s => s.WatchlistId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var open = await db.Set<WatchMatch>().Where(m => ids.Contains(m.WatchlistId) && m.Status == MatchStatus.Open).GroupBy(m => m.WatchlistId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var marks = await markings.DescribeAsync(lists.Select(w => (w.Id, w.OwnerAgencyId, w.Tlp)).ToList());
        return [.. lists.Select(w => new WatchlistDto(w.Id, w.Name, w.Description, subjects.GetValueOrDefault(w.Id), open.GetValueOrDefault(w.Id), w.CreatedAt, marks[w.Id]))];
    }

    public async Task<Outcome<WatchlistDto>> CreateAsync(Caller caller, WatchlistRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var name = Validate.Text(errors, "name", request.Name, 200, required: true);
        var description = Validate.Text(errors, "description", request.Description, 1000, required: false);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking, Tlp.AmberStrict);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<WatchlistDto>(errors);
        }
        var watchlist = new Watchlist { Id = Guid.NewGuid(), Name = name!, Description = description, CreatedAt = Now };
        markings.ApplyToNew(watchlist, marking!, caller);
        db.Add(watchlist);
        await db.SaveChangesAsync();
        return Outcome.Ok((await DtosAsync([watchlist]))[0]);
    }

    /// <summary>The watchlist's subjects, or null when the caller may not read the watchlist.</summary>
    public async Task<List<SubjectDto>?> SubjectsAsync(Caller caller, Guid watchlistId, int limit = 500)
    {
        var watchlist = await db.Readable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == watchlistId);
        if (watchlist is null)
        {
            return null;
        }
        var subjects = await db.Set<WatchSubject>().AsNoTracking().Where(s => s.WatchlistId == watchlistId).OrderBy(s => s.Name)
            .Take(Math.Clamp(limit, 1, 5000)).ToListAsync();
        var marking = await markings.DescribeAsync(watchlist);
        return [.. subjects.Select(s => Dto(s, watchlist, marking, null))];
    }

    public async Task<SubjectDto?> GetSubjectAsync(Caller caller, Guid subjectId, WatchMatchesService matches)
    {
        var subject = await db.Set<WatchSubject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId);
        var watchlist = subject is null ? null : await db.Readable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == subject.WatchlistId);
        if (subject is null || watchlist is null)
        {
            return null;
        }
        return Dto(subject, watchlist, await markings.DescribeAsync(watchlist), await matches.ListAsync(caller, null, null, subjectId));
    }

    public async Task<Outcome<SubjectDto>> AddSubjectAsync(Caller caller, Guid watchlistId, SubjectRequest request)
    {
        var watchlist = await db.Writable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == watchlistId);
        if (watchlist is null)
        {
            return Outcome.NotFound<SubjectDto>();
        }
        var errors = Check(request, out var category, out var kind);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SubjectDto>(errors);
        }
        var subject = New(watchlistId, request, category, kind);
        db.Add(subject);
        db.Audit("create", nameof(WatchSubject), subject.Id, $"{caller.UserName} added {category} \"{subject.Name}\" to watchlist \"{watchlist.Name}\"");
        await db.SaveChangesAsync();
        await rescreener.RescreenAsync(null, [subject.Id], $"{subject.Name} was added");
        return Outcome.Ok(Dto(subject, watchlist, await markings.DescribeAsync(watchlist), null));
    }

    /// <summary>Replaces the subject's fields; a changed name, alias, birth date, nationality or type reopens its false positives.</summary>
    public async Task<Outcome<SubjectDto>> UpdateSubjectAsync(Caller caller, Guid subjectId, SubjectRequest request)
    {
        var subject = await db.Set<WatchSubject>().FirstOrDefaultAsync(s => s.Id == subjectId);
        var watchlist = subject is null ? null : await db.Writable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == subject.WatchlistId);
        if (subject is null || watchlist is null)
        {
            return Outcome.NotFound<SubjectDto>();
        }
        var errors = Check(request, out var category, out var kind);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SubjectDto>(errors);
        }
        Apply(subject, request, category, kind);
        db.Audit("update", nameof(WatchSubject), subject.Id, $"{caller.UserName} changed {category} \"{subject.Name}\" on watchlist \"{watchlist.Name}\"");
        await db.SaveChangesAsync();
        await rescreener.RescreenAsync(null, [subject.Id], $"{subject.Name} was changed");
        return Outcome.Ok(Dto(subject, watchlist, await markings.DescribeAsync(watchlist), null));
    }

    /// <summary>Adds the subjects of a CSV (<see cref="SubjectListReader"/>), all or none, then screens the watchlist.</summary>
    public async Task<Outcome<UploadOutcomeDto>> UploadAsync(Caller caller, Guid watchlistId, Stream csv, string fileName, SubjectCategory defaultCategory)
    {
        var watchlist = await db.Writable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == watchlistId);
        if (watchlist is null)
        {
            return Outcome.NotFound<UploadOutcomeDto>();
        }
        var (rows, problems) = SubjectListReader.Read(csv, defaultCategory);
        if (problems.Count > 0)
        {
            return Outcome.Invalid<UploadOutcomeDto>(new() { ["file"] = [.. problems] });
        }
        var subjects = rows.Select(r =>
        {
            Check(r.Request, out var category, out var kind);
            return New(watchlistId, r.Request, category, kind);
        }).ToList();
        await AddAllAsync(subjects);
        db.Audit("import", nameof(Watchlist), watchlist.Id, $"{caller.UserName} uploaded {subjects.Count} subject(s) from \"{Path.GetFileName(fileName)}\" to watchlist \"{watchlist.Name}\"");
        await db.SaveChangesAsync();
        var screening = await rescreener.RescreenAsync(watchlistId, null, $"the upload of {Path.GetFileName(fileName)}");
        return Outcome.Ok(new UploadOutcomeDto(subjects.Count, screening));
    }

    /// <summary>
    /// Adds the protected persons the caller may read (name and nationality; their identifiers are not copied) that are
    /// not on the watchlist yet, then screens them.
    /// </summary>
    public async Task<Outcome<UploadOutcomeDto>> AddProtectedPersonsAsync(Caller caller, Guid watchlistId)
    {
        var watchlist = await db.Writable<Watchlist>(caller).AsNoTracking().FirstOrDefaultAsync(w => w.Id == watchlistId);
        if (watchlist is null)
        {
            return Outcome.NotFound<UploadOutcomeDto>();
        }
        var present = await db.Set<WatchSubject>().Where(s => s.WatchlistId == watchlistId && s.ProtectedPersonId != null)
            .Select(s => s.ProtectedPersonId!.Value).ToListAsync();
        var persons = await db.Readable<ProtectedPerson>(caller).AsNoTracking().Where(p => !present.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Nationality, p.Employer, p.Project }).ToListAsync();
        var subjects = persons.Select(p =>
        {
            var subject = New(watchlistId, new SubjectRequest(p.Name, nameof(SubjectCategory.ProtectedPerson), "person", null, null,
                Countries.ToIso2(p.Nationality) is { } code ? code : null, null, string.Join(", ", new[] { p.Employer, p.Project }.Where(x => x is not null))),
                SubjectCategory.ProtectedPerson, EntryKind.Person);
            subject.ProtectedPersonId = p.Id;
            return subject;
        }).ToList();
        await AddAllAsync(subjects);
        db.Audit("import", nameof(Watchlist), watchlist.Id, $"{caller.UserName} added {subjects.Count} protected person(s) to watchlist \"{watchlist.Name}\"");
        await db.SaveChangesAsync();
        var screening = subjects.Count == 0 ? RescreenOutcome.None
            : await rescreener.RescreenAsync(watchlistId, null, "protected persons were added");
        return Outcome.Ok(new UploadOutcomeDto(subjects.Count, screening));
    }

    private async Task AddAllAsync(List<WatchSubject> subjects)
    {
        foreach (var chunk in subjects.Chunk(2000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Checks a subject as a client wrote it; every problem at once, keyed by field.</summary>
    public static Dictionary<string, string[]> Check(SubjectRequest request, out SubjectCategory category, out EntryKind kind)
    {
        var errors = new Dictionary<string, string[]>();
        Validate.Text(errors, "name", request.Name, 300, required: true);
        Validate.Text(errors, "role", request.Role, 300, required: false);
        var aliases = request.Aliases ?? [];
        if (aliases.Any(a => a.Length > 300 || a.Contains(';', StringComparison.Ordinal)) || aliases.Sum(a => a.Length + 1) > 2000)
        {
            errors["aliases"] = ["An alias has at most 300 characters and no \";\"; all aliases together at most 2,000."];
        }
        var ids = request.Identifiers ?? [];
        if (ids.Length > 10 || ids.Any(i => i.Length > 100 || i.Contains(';', StringComparison.Ordinal)))
        {
            errors["identifiers"] = ["At most 10 identifiers of at most 100 characters each, without \";\"."];
        }
        if (!string.IsNullOrWhiteSpace(request.BirthDate) && BirthDate.ParseQuery(request.BirthDate) is null)
        {
            errors["birthDate"] = [$"'{request.BirthDate}' is not a date: write yyyy, yyyy-mm or yyyy-mm-dd."];
        }
        if (!string.IsNullOrWhiteSpace(request.Nationality) && Countries.ToIso2(request.Nationality) is null)
        {
            errors["nationality"] = [$"'{request.Nationality}' is not a country: write an ISO code (PK) or an English name."];
        }
        kind = EntryKind.Person;
        if (!string.IsNullOrWhiteSpace(request.Type))
        {
            if (Screener.ParseType(request.Type) is EntryKind.Person or EntryKind.Entity)
            {
                kind = Screener.ParseType(request.Type)!.Value;
            }
            else
            {
                errors["type"] = [$"'{request.Type}' is not a type: use person or entity."];
            }
        }
        category = SubjectCategory.Other;
        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            var text = request.Category.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!Enum.TryParse(text, ignoreCase: true, out category) || int.TryParse(text, out _))
            {
                errors["category"] = [$"'{request.Category}' is not a category: use {string.Join(", ", Enum.GetNames<SubjectCategory>())}."];
            }
        }
        return errors;
    }

    private WatchSubject New(Guid watchlistId, SubjectRequest request, SubjectCategory category, EntryKind kind)
    {
        var subject = new WatchSubject { Id = Guid.CreateVersion7(), WatchlistId = watchlistId, CreatedAt = Now };
        Apply(subject, request, category, kind);
        return subject;
    }

    private void Apply(WatchSubject subject, SubjectRequest request, SubjectCategory category, EntryKind kind)
    {
        subject.Category = category;
        subject.Kind = kind;
        subject.Name = request.Name!.Trim();
        var aliases = (request.Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        subject.Aliases = aliases.Count == 0 ? null : string.Join(";", aliases);
        subject.BirthDate = string.IsNullOrWhiteSpace(request.BirthDate) ? null : request.BirthDate.Trim();
        subject.Nationality = Countries.ToIso2(request.Nationality);
        var ids = (request.Identifiers ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        subject.IdentifiersProtected = ids.Count == 0 ? null : identifiers.Protect(string.Join(";", ids));
        subject.Role = string.IsNullOrWhiteSpace(request.Role) ? null : request.Role.Trim();
        subject.Fingerprint = subject.ComputeFingerprint();
        subject.UpdatedAt = Now;
    }

    private static SubjectDto Dto(WatchSubject s, Watchlist w, MarkingDto marking, IReadOnlyList<MatchDto>? matches)
        => new(s.Id, w.Id, w.Name, s.Category.ToString(), s.Kind.ToString(), s.Name, [.. s.AliasList], s.BirthDate, s.Nationality,
            s.IdentifiersProtected is not null, s.Role, s.ProtectedPersonId, s.UpdatedAt, marking, matches);
}
