using System.Text;
using System.Text.Json;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

internal static class ScreeningModule
{
    /// <summary>List files are larger than the default request limit.</summary>
    public const long MaxListUploadBytes = 64L * 1024 * 1024;

    public const long MaxBatchUploadBytes = 4L * 1024 * 1024;

    private static readonly string[] OfacParts = ["sdn", "alt", "add"];

    public static IServiceCollection AddScreening(this IServiceCollection services)
        => services.AddSingleton<ScreeningIndexHolder>().AddScoped<ListImporter>().AddScoped<Screener>()
            .AddSingleton<ScreeningWriter>().AddHostedService(sp => sp.GetRequiredService<ScreeningWriter>());

    public static IEndpointRouteBuilder MapScreening(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/screening", "Screening");
        group.MapPost("/search", Search);
        group.MapGet("/search", Recent);
        group.MapGet("/search/{id:guid}", Get);
        group.MapPost("/batch", Batch).DisableAntiforgery();
        group.MapGet("/batch/{id:guid}/csv", DownloadBatch);
        group.MapGet("/lists", Versions);
        group.MapGet("/lists/{id:guid}/diff", Diff);
        group.MapPost("/lists/un", ImportUn).DisableAntiforgery();
        group.MapPost("/lists/ofac", ImportOfac).DisableAntiforgery();
        return app;
    }

    /// <summary>Screens one name; every caller may screen (a viewer too), and every screening is kept and audited.</summary>
    public static async Task<Results<Ok<ScreeningResultDto>, ValidationProblem, ProblemHttpResult>> Search(ScreeningSearchRequest request, Caller caller,
        Screener screener, ReleaseMarkings markings, ScreeningIndexHolder holder, JsmsDbContext db, CancellationToken cancellationToken)
    {
        if (!await AnyListAsync(holder, db, cancellationToken))
        {
            return NoListProblem();
        }
        var errors = Screener.Validate(request.Name, request.BirthDate, request.Nationality, request.Type);
        if (request.Threshold is { } t && (t < 0.5 || t > 1))
        {
            errors["threshold"] = ["The threshold is between 0.5 and 1."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking, Tlp.AmberStrict);
        foreach (var (key, value) in markingErrors)
        {
            errors[key] = value;
        }
        if (errors.Count > 0 || marking is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = new ScreeningQueryDto(request.Name!.Trim(), request.BirthDate?.Trim(), request.Nationality?.Trim(), request.Type?.Trim());
        return TypedResults.Ok(await screener.ScreenAsync(query, request.Threshold ?? ScreeningIndex.DefaultThreshold,
            Math.Clamp(request.Limit ?? 10, 1, 50), marking, caller, cancellationToken));
    }

    /// <summary>Why a screening is refused when no list is loaded: "no match" against nothing would be a false assurance.</summary>
    internal const string NoListMessage = "No sanctions list is loaded; import UN or OFAC first.";

    /// <summary>Whether any list version has been imported (nothing to screen against otherwise).</summary>
    internal static Task<bool> AnyListAsync(JsmsDbContext db, CancellationToken cancellationToken = default)
        => db.Set<ScreeningListVersion>().AnyAsync(cancellationToken);

    /// <summary>The same from the index in memory (loaded from, and swapped with, the stored versions): no query per screening.</summary>
    internal static async Task<bool> AnyListAsync(ScreeningIndexHolder holder, JsmsDbContext db, CancellationToken cancellationToken = default)
        => (await holder.GetAsync(db, cancellationToken)).Versions.Count > 0;

    private static ProblemHttpResult NoListProblem()
        => TypedResults.Problem(NoListMessage, statusCode: StatusCodes.Status409Conflict, title: "No sanctions list is loaded");

    /// <summary>The caller's readable screenings, newest first.</summary>
    public static async Task<Ok<List<ScreeningSummaryDto>>> Recent(Caller caller, JsmsDbContext db, int? limit)
        => TypedResults.Ok(await RecentAsync(db, caller, limit ?? 50));

    internal static async Task<List<ScreeningSummaryDto>> RecentAsync(JsmsDbContext db, Caller caller, int limit)
    {
        var rows = await db.Readable<ScreeningRecord>(caller).AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(Math.Clamp(limit, 1, 500))
            .Select(s => new { s.Id, s.Kind, s.Subject, s.Screened, s.Hits, s.CreatedAt, s.Tlp }).ToListAsync();
        return [.. rows.Select(s => new ScreeningSummaryDto(s.Id, s.Kind, s.Subject, s.Screened, s.Hits, s.CreatedAt, s.Tlp.Label()))];
    }

    /// <summary>Re-opens a screening (single or batch) the caller may read; the read is audited when the marking is sensitive.</summary>
    public static async Task<Results<Ok<JsonElement>, NotFound>> Get(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings)
        => await OpenAsync(id, caller, db, markings, "read") is { } opened ? TypedResults.Ok(opened) : TypedResults.NotFound();

    internal static async Task<JsonElement?> OpenAsync(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings, string action)
    {
        var record = await db.Readable<ScreeningRecord>(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (record is null)
        {
            return null;
        }
        if (AccessPolicy.IsSensitive(record.Tlp) || action == "export")
        {
            db.Audit(action, nameof(ScreeningRecord), record.Id, $"{caller.UserName} opened the screening of \"{record.Subject}\"");
            await db.SaveChangesAsync();
        }
        var marking = await markings.DescribeAsync(record);
        object dto = record.Kind == ScreeningKind.Name
            ? new ScreeningResultDto(record.Id, JsonSerializer.Deserialize<ScreeningQueryDto>(record.QueryJson, Screener.Json)!,
                JsonSerializer.Deserialize<List<ScreeningMatch>>(record.ResultJson, Screener.Json)!, record.Threshold, record.CreatedAt,
                Screener.VersionList(record), marking)
            : new BatchResultDto(record.Id, record.Subject, record.Screened, record.Hits, record.Threshold, record.CreatedAt,
                Screener.VersionList(record), marking, JsonSerializer.Deserialize<List<BatchRow>>(record.ResultJson, Screener.Json)!);
        return JsonSerializer.SerializeToElement(dto, dto.GetType(), Screener.Json);
    }

    /// <summary>Screens a CSV of names (multipart field "file", header name[,birthDate,nationality,type]).</summary>
    public static async Task<Results<Ok<BatchResultDto>, ValidationProblem, ProblemHttpResult>> Batch(HttpContext http, Caller caller, Screener screener,
        ReleaseMarkings markings, ScreeningIndexHolder holder, JsmsDbContext db, CancellationToken cancellationToken)
    {
        if (!await AnyListAsync(holder, db, cancellationToken))
        {
            return NoListProblem();
        }
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxBatchUploadBytes, cancellationToken);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [formError ?? "Upload a CSV file in the multipart field 'file'."] });
        }
        await using var stream = file.OpenReadStream();
        var (rows, errors) = Screener.ReadBatch(stream);
        var (marking, markingErrors) = await markings.ResolveAsync(new MarkingInput(form["tlp"].FirstOrDefault(), null, null), Tlp.AmberStrict);
        foreach (var (key, value) in markingErrors)
        {
            errors[key] = value;
        }
        if (errors.Count > 0 || marking is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await screener.ScreenBatchAsync(Path.GetFileName(file.FileName), rows, ScreeningIndex.DefaultThreshold, marking, caller, cancellationToken);
        return TypedResults.Ok(result with { Rows = [.. result.Rows.Where(r => r.Matches.Count > 0)] });
    }

    /// <summary>The batch result as a CSV download (audited as an export).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadBatch(Guid id, Caller caller, JsmsDbContext db)
    {
        var record = await db.Readable<ScreeningRecord>(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Kind == ScreeningKind.Batch);
        if (record is null)
        {
            return TypedResults.NotFound();
        }
        db.Audit("export", nameof(ScreeningRecord), record.Id, $"{caller.UserName} downloaded the batch screening of \"{record.Subject}\" as CSV");
        await db.SaveChangesAsync();
        var rows = JsonSerializer.Deserialize<List<BatchRow>>(record.ResultJson, Screener.Json)!;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Screener.ToCsv(rows))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"screening-{record.CreatedAt:yyyyMMdd-HHmm}-{record.Id.ToString()[..8]}.csv");
    }

    public static async Task<Ok<List<ListVersionDto>>> Versions(JsmsDbContext db) => TypedResults.Ok(await VersionsAsync(db));

    internal static async Task<List<ListVersionDto>> VersionsAsync(JsmsDbContext db)
    {
        var versions = await db.Set<ScreeningListVersion>().AsNoTracking().ToListAsync();
        var current = versions.GroupBy(v => (v.Source, v.NationalListId)).Select(g => g.MaxBy(v => v.Number)!.Id).ToHashSet();
        var names = await db.Set<NationalList>().AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name);
        return [.. versions.OrderBy(v => v.Source).ThenBy(v => v.NationalListId is { } l ? names[l] : "").ThenByDescending(v => v.Number)
            .Select(v => new ListVersionDto(v.Id, v.Source, v.Number, v.ImportedAt, v.ImportedBy, v.FileNames, v.FileHash, v.PublishedAt, v.EntryCount,
                v.Added, v.Removed, v.Changed, current.Contains(v.Id)) { NationalListId = v.NationalListId, ListName = v.NationalListId is { } id ? names[id] : null })];
    }

    /// <summary>What changed between two versions of the same list; <c>against</c> defaults to the version before.</summary>
    public static async Task<Results<Ok<ListDiffDto>, NotFound>> Diff(Guid id, Guid? against, JsmsDbContext db, ListImporter importer)
    {
        var diff = await DiffAsync(id, against, db, importer);
        return diff is null ? TypedResults.NotFound() : TypedResults.Ok(diff);
    }

    internal static async Task<ListDiffDto?> DiffAsync(Guid id, Guid? against, JsmsDbContext db, ListImporter importer)
    {
        var version = await db.Set<ScreeningListVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id);
        if (version is null)
        {
            return null;
        }
        var from = against ?? await db.Set<ScreeningListVersion>().AsNoTracking()
            .Where(v => v.Source == version.Source && v.NationalListId == version.NationalListId && v.Number < version.Number).OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync();
        if (from is null)
        {
            var all = await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => e.VersionId == id)
                .OrderBy(e => e.SourceId).Select(e => new EntryChange(e.SourceId, e.PrimaryName, "added")).ToListAsync();
            return new ListDiffDto(id, id, all.Count, 0, 0, all);
        }
        var changes = await importer.DiffAsync(from.Value, id);
        return changes is null ? null : new ListDiffDto(from.Value, id, changes.Count(c => c.Change == "added"),
            changes.Count(c => c.Change == "removed"), changes.Count(c => c.Change == "changed"), changes);
    }

    /// <summary>Imports the UN consolidated list (multipart field "file"). Administrators and coordinators only.</summary>
    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem, ForbidHttpResult>> ImportUn(HttpContext http, Caller caller, ListImporter importer, CancellationToken cancellationToken)
    {
        if (!MayImport(caller))
        {
            return TypedResults.Forbid();
        }
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxListUploadBytes, cancellationToken);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [formError ?? "Upload the UN list XML in the multipart field 'file'."] });
        }
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await importer.ImportUnAsync(stream, Path.GetFileName(file.FileName), caller.UserName, cancellationToken: cancellationToken));
        }
        catch (ListFormatException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [e.Message] }, title: "The list file was refused; the current version is unchanged.");
        }
    }

    /// <summary>Imports the OFAC SDN list (multipart fields "sdn", "alt", "add"). Administrators and coordinators only.</summary>
    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem, ForbidHttpResult>> ImportOfac(HttpContext http, Caller caller, ListImporter importer, CancellationToken cancellationToken)
    {
        if (!MayImport(caller))
        {
            return TypedResults.Forbid();
        }
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxListUploadBytes, cancellationToken);
        var missing = OfacParts.Where(f => form?.Files.GetFile(f) is null).ToList();
        if (form is null || missing.Count > 0)
        {
            return TypedResults.ValidationProblem(missing.ToDictionary(m => m, m => new[] { formError ?? $"Upload the OFAC {m}.csv file in the multipart field '{m}'." }));
        }
        try
        {
            await using var sdn = form.Files.GetFile("sdn")!.OpenReadStream();
            await using var alt = form.Files.GetFile("alt")!.OpenReadStream();
            await using var add = form.Files.GetFile("add")!.OpenReadStream();
            var names = string.Join(", ", OfacParts.Select(f => Path.GetFileName(form.Files.GetFile(f)!.FileName)));
            return TypedResults.Ok(await importer.ImportOfacAsync(sdn, alt, add, names, caller.UserName, cancellationToken: cancellationToken));
        }
        catch (ListFormatException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [e.Message] }, title: "The list files were refused; the current version is unchanged.");
        }
    }

    internal static bool MayImport(Caller caller) => caller.IsAdministrator || caller.IsInRole(JsmsRoles.Coordinator);
}
