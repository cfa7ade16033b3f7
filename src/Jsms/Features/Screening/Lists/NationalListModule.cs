using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// The national lists: a CSV or .xlsx uploaded with a column mapping (multipart: "file", the list as "listId" of an
/// existing list or "listName" of an existing or new one, and one field per <see cref="ColumnMapping.Fields"/>), first
/// previewed, then imported as the next version of that list, with the same versions and diffs as UN and OFAC
/// (<see cref="ListImporter"/>). Each national list is its own source. Administrators and coordinators only, as for UN and OFAC.
/// </summary>
internal static class NationalListModule
{
    public const long MaxUploadBytes = 16L * 1024 * 1024;
    public const int PreviewRows = 10;

    public static IEndpointRouteBuilder MapNationalLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/screening/national", "Screening");
        group.MapGet("/lists", Lists);
        group.MapPost("/preview", Preview).DisableAntiforgery();
        group.MapPost("/import", Import).DisableAntiforgery();
        return app;
    }

    /// <summary>The national lists, each with its current version.</summary>
    public static async Task<Ok<List<NationalListDto>>> Lists(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
        => TypedResults.Ok(await ListsAsync(db, clock, cancellationToken));

    internal static async Task<List<NationalListDto>> ListsAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await NationalLists.CarryOverAsync(db, clock, cancellationToken);
        var lists = await NationalLists.AllAsync(db, cancellationToken);
        var versions = await db.Set<ScreeningListVersion>().AsNoTracking().Where(v => v.NationalListId != null)
            .Select(v => new { v.Id, v.NationalListId, v.Number, v.EntryCount, v.ImportedAt }).ToListAsync(cancellationToken);
        return [.. lists.Select(l =>
        {
            var mine = versions.Where(v => v.NationalListId == l.Id).ToList();
            var current = mine.MaxBy(v => v.Number);
            return new NationalListDto(l.Id, l.Code, l.Name, l.CreatedAt, l.CreatedBy, current?.Id, current?.Number, current?.EntryCount, current?.ImportedAt, mine.Count);
        })];
    }

    /// <summary>The header, the mapping (suggested when none is sent), the first rows as read with it, and every problem by line. Stores nothing.</summary>
    public static async Task<Results<Ok<NationalListPreviewDto>, ValidationProblem, ForbidHttpResult>> Preview(HttpContext http, Caller caller,
        JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ScreeningModule.MayImport(caller))
        {
            return TypedResults.Forbid();
        }
        var (read, errors) = await ReadAsync(http, suggest: true, cancellationToken);
        if (read is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (table, mapping, _, _) = read.Value;
        var mappingErrors = NationalListReader.CheckMapping(mapping, table.Headers);
        if (mappingErrors.Count > 0)
        {
            return TypedResults.Ok(new NationalListPreviewDto(table.Headers, mapping, table.Rows.Count,
                [], [.. mappingErrors.SelectMany(e => e.Value)]));
        }
        var (list, listErrors) = await ChooseListAsync(http.Request.Form, db, clock, cancellationToken);
        if (listErrors is not null)
        {
            return TypedResults.ValidationProblem(listErrors);
        }
        var (_, rows, problems) = NationalListReader.Read(table, mapping, "preview", list.Prefix);
        return TypedResults.Ok(new NationalListPreviewDto(table.Headers, mapping, table.Rows.Count, [.. rows.Take(PreviewRows)], problems));
    }

    /// <summary>
    /// Imports the file with the mapping as the next version of the chosen national list (created when "listName" names a
    /// new one); any problem refuses it all and names the lines. It answers once the version is stored: the watchlists are
    /// rescreened in the background (GET /api/screening/rescreens).
    /// </summary>
    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem, ForbidHttpResult>> Import(HttpContext http, Caller caller, ListImporter importer,
        JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ScreeningModule.MayImport(caller))
        {
            return TypedResults.Forbid();
        }
        var (read, errors) = await ReadAsync(http, suggest: false, cancellationToken);
        if (read is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (table, mapping, bytes, fileName) = read.Value;
        var mappingErrors = NationalListReader.CheckMapping(mapping, table.Headers);
        if (mappingErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(mappingErrors, title: "The column mapping does not fit the file; nothing was imported.");
        }
        // Every row is checked with the prefix the list will have before a new list is created.
        var (chosen, listErrors) = await ChooseListAsync(http.Request.Form, db, clock, cancellationToken);
        if (listErrors is not null)
        {
            return TypedResults.ValidationProblem(listErrors);
        }
        var (entries, _, problems) = NationalListReader.Read(table, mapping, chosen.Name, chosen.Prefix);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. problems] },
                title: "The list was refused; nothing was imported and the current version is unchanged.");
        }
        var list = chosen.List ?? await NationalLists.FindOrCreateAsync(db, chosen.Name, caller.UserName, clock, cancellationToken);
        if (list.IdPrefix != chosen.Prefix)
        {
            // Another import created a list in between: read again with the code the list got.
            (entries, _, problems) = NationalListReader.Read(table, mapping, list.Name, list.IdPrefix);
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. problems] },
                    title: "The list was refused; nothing was imported and the current version is unchanged.");
            }
        }
        return TypedResults.Ok(await importer.ImportNationalAsync(list, new MemoryStream(bytes), mapping.ToJson(), entries,
            $"{fileName} ({list.Name})", caller.UserName, cancellationToken));
    }

    private sealed record Chosen(NationalList? List, string Name, string Prefix);

    /// <summary>
    /// The list the form names: "listId" an existing list, else "listName" an existing list by name or a new one (not created
    /// here: the import creates it once the file is accepted; the prefix is the one its code will have). Neither: the first
    /// list, or a new "National list".
    /// </summary>
    private static async Task<(Chosen Chosen, Dictionary<string, string[]>? Errors)> ChooseListAsync(IFormCollection form, JsmsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await NationalLists.CarryOverAsync(db, clock, cancellationToken);
        var lists = await NationalLists.AllAsync(db, cancellationToken);
        var nextPrefix = NationalList.PrefixOf(lists.Count == 0 ? 1 : lists.Max(l => l.Code) + 1);
        if (form["listId"].FirstOrDefault() is { Length: > 0 } idText)
        {
            return Guid.TryParse(idText, out var id) && lists.FirstOrDefault(l => l.Id == id) is { } byId
                ? (new Chosen(byId, byId.Name, byId.IdPrefix), null)
                : (new Chosen(null, "", ""), new() { ["listId"] = [$"There is no national list '{idText}'; choose one of GET /api/screening/national/lists, or give a listName for a new list."] });
        }
        var name = form["listName"].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return lists.Count > 0 ? (new Chosen(lists[0], lists[0].Name, lists[0].IdPrefix), null) : (new Chosen(null, "National list", nextPrefix), null);
        }
        if (name.Length > NationalLists.MaxNameLength)
        {
            return (new Chosen(null, "", ""), new() { ["listName"] = [$"The list name has more than {NationalLists.MaxNameLength} characters."] });
        }
        var byName = lists.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        return byName is null ? (new Chosen(null, name, nextPrefix), null) : (new Chosen(byName, byName.Name, byName.IdPrefix), null);
    }

    private static async Task<((NationalListReader.Table Table, ColumnMapping Mapping, byte[] Bytes, string FileName)? Read, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpContext http, bool suggest, CancellationToken cancellationToken)
    {
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxUploadBytes, cancellationToken);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return (null, new() { ["file"] = [formError ?? "Upload the list as a CSV or .xlsx file in the multipart field 'file'."] });
        }
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }
        var bytes = buffer.ToArray();
        NationalListReader.Table table;
        try
        {
            table = NationalListReader.ReadAnyTable(bytes);
        }
        catch (ListFormatException e)
        {
            return (null, new() { ["file"] = [e.Message] });
        }
        var mapping = ColumnMapping.FromForm(form);
        if (suggest && mapping.IsEmpty)
        {
            mapping = ColumnMapping.Suggest(table.Headers);
        }
        return ((table, mapping, bytes, Path.GetFileName(file.FileName)), []);
    }
}
