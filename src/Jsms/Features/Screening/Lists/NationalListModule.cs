using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// The national list: a CSV uploaded with a column mapping (multipart: "file", "listName" and one field per
/// <see cref="ColumnMapping.Fields"/>), first previewed, then imported as a version of the National source with the same
/// versions and diffs as UN and OFAC (<see cref="ListImporter"/>). Administrators and coordinators only, as for UN and OFAC.
/// </summary>
internal static class NationalListModule
{
    public const long MaxUploadBytes = 16L * 1024 * 1024;
    public const int PreviewRows = 10;

    public static IEndpointRouteBuilder MapNationalLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/screening/national", "Screening");
        group.MapPost("/preview", Preview).DisableAntiforgery();
        group.MapPost("/import", Import).DisableAntiforgery();
        return app;
    }

    /// <summary>The header, the mapping (suggested when none is sent), the first rows as read with it, and every problem by line. Stores nothing.</summary>
    public static async Task<Results<Ok<NationalListPreviewDto>, ValidationProblem, ForbidHttpResult>> Preview(HttpContext http, Caller caller,
        CancellationToken cancellationToken)
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
        var (_, rows, problems) = NationalListReader.Read(table, mapping, "preview");
        return TypedResults.Ok(new NationalListPreviewDto(table.Headers, mapping, table.Rows.Count, [.. rows.Take(PreviewRows)], problems));
    }

    /// <summary>Imports the file with the mapping as the next version of the national list; any problem refuses it all and names the lines.</summary>
    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem, ForbidHttpResult>> Import(HttpContext http, Caller caller, ListImporter importer,
        CancellationToken cancellationToken)
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
        var listName = http.Request.Form["listName"].FirstOrDefault()?.Trim();
        listName = string.IsNullOrEmpty(listName) ? "National list" : listName.Length > 200 ? listName[..200] : listName;
        var (entries, _, problems) = NationalListReader.Read(table, mapping, listName);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. problems] },
                title: "The list was refused; nothing was imported and the current version is unchanged.");
        }
        return TypedResults.Ok(await importer.ImportNationalAsync(new MemoryStream(bytes), mapping.ToJson(), entries,
            $"{fileName} ({listName})", caller.UserName, cancellationToken));
    }

    private static async Task<((NationalListReader.Table Table, ColumnMapping Mapping, byte[] Bytes, string FileName)? Read, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpContext http, bool suggest, CancellationToken cancellationToken)
    {
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxUploadBytes, cancellationToken);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return (null, new() { ["file"] = [formError ?? "Upload the list as a CSV file in the multipart field 'file'."] });
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
            table = NationalListReader.ReadTable(new MemoryStream(bytes));
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
