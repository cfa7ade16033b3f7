using System.Text.RegularExpressions;
using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Incidents;

/// <summary>
/// Import by upload, for writers: the file is read up to its first rows and shown with the column mapping found
/// (<see cref="IncidentImporter.PreviewAsync"/>); nothing is stored until the writer confirms. Between the two steps the
/// upload waits in a temporary file named after the writer, so a confirmation can only take the writer's own upload.
/// </summary>
[RequestSizeLimit(IncidentsExchangeModule.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = IncidentsExchangeModule.MaxUploadBytes)]
internal sealed partial class IncidentsImportModel(IncidentImporter importer, TimeProvider clock) : JsmsPage
{
    public const int PreviewRows = 10;

    [BindProperty] public string? Format { get; set; }
    [BindProperty] public IFormFile? CsvFile { get; set; }
    [BindProperty] public string? Upload { get; set; }
    [BindProperty] public MarkingForm Marking { get; set; } = new();

    public ImportPreviewDto? Preview { get; private set; }
    public ImportOutcomeDto? Outcome { get; private set; }
    public string? FileName { get; private set; }

    private static string Pending => Path.Combine(Path.GetTempPath(), "jsms-incident-imports");

    private string PendingPath(string upload) => Path.Combine(Pending, $"{Me.UserId:N}-{upload}.csv");

    public async Task<IActionResult> OnGetAsync() => await RefuseUnlessWriterAsync() ?? Page();

    /// <summary>Step 1: keep the upload aside and show the preview.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        var format = IncidentFileFormat.For(Format);
        if (format is null)
        {
            errors["format"] = ["One of gtd, acled, ucdp."];
        }
        if (CsvFile is null || CsvFile.Length == 0)
        {
            errors["csvFile"] = ["Choose the CSV file to import."];
        }
        if (errors.Count > 0)
        {
            return Failed("import", errors);
        }
        Directory.CreateDirectory(Pending);
        Upload = Guid.NewGuid().ToString("N");
        FileName = Path.GetFileName(CsvFile!.FileName);
        await using (var target = System.IO.File.Create(PendingPath(Upload)))
        {
            await CsvFile.CopyToAsync(target, cancellationToken);
        }
        await using var stream = System.IO.File.OpenRead(PendingPath(Upload));
        Preview = await IncidentImporter.PreviewAsync(stream, format!, Today, PreviewRows);
        Format = format!.Name.ToLowerInvariant();
        return Page();
    }

    /// <summary>Step 2: import the upload kept at step 1, and show what was added, updated and left unchanged, or every bad row.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var format = IncidentFileFormat.For(Format);
        var errors = new Dictionary<string, string[]>();
        if (format is null)
        {
            errors["format"] = ["One of gtd, acled, ucdp."];
        }
        if (Upload is null || !UploadId().IsMatch(Upload) || !System.IO.File.Exists(PendingPath(Upload)))
        {
            errors["upload"] = ["The upload is gone (already imported, or never previewed): upload the file again."];
        }
        if (errors.Count > 0)
        {
            return Failed("import", errors);
        }
        var path = PendingPath(Upload!);
        (ImportOutcomeDto? Outcome, Dictionary<string, string[]>? MarkingErrors) result;
        await using (var stream = System.IO.File.OpenRead(path))
        {
            result = await importer.ImportAsync(Me, format!, stream, Marking.ToInput(), null, cancellationToken);
        }
        if (result.MarkingErrors is not null)
        {
            // The upload stays for a second try with a corrected marking.
            await using var again = System.IO.File.OpenRead(path);
            Preview = await IncidentImporter.PreviewAsync(again, format!, Today, PreviewRows);
            return Failed("import", result.MarkingErrors);
        }
        System.IO.File.Delete(path);
        Outcome = result.Outcome;
        if (!Outcome!.Stored)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex UploadId();
}
