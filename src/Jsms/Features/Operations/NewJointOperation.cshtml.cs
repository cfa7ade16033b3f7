using System.Globalization;
using System.Text.Json;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>Plans a joint operation under a consent the caller may read (same validation as the API).</summary>
internal sealed class NewJointOperationModel(JointOperationsService operations, ConsentsService consents) : JsmsPage
{
    public List<ConsentDto> Consents { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? ConsentId { get; set; }
    [BindProperty] public string? Objective { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? PeriodStart { get; set; }
    [BindProperty] public string? PeriodEnd { get; set; }
    [BindProperty] public string? CommandArrangement { get; set; }
    /// <summary>One participating agency a line: <c>CODE: forces</c>.</summary>
    [BindProperty] public string? Forces { get; set; }
    [BindProperty] public List<Guid> PersonIds { get; set; } = [];
    /// <summary>One vehicle a line: <c>callsign [tracker id]</c>.</summary>
    [BindProperty] public string? Vehicles { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        await LoadConsentsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        JsonElement? area = null;
        try
        {
            area = string.IsNullOrWhiteSpace(Area) ? null : JsonDocument.Parse(Area).RootElement.Clone();
        }
        catch (JsonException)
        {
            errors["area"] = ["Not GeoJSON."];
        }
        var start = Time(PeriodStart, "periodStart", errors);
        var end = Time(PeriodEnd, "periodEnd", errors);
        if (errors.Count > 0)
        {
            await LoadConsentsAsync();
            return Failed("operation", errors);
        }
        var forces = Lines(Forces).Select(l => l.Split(':', 2)).Select(p => new OperationForceInput(p[0].Trim(), p.Length > 1 ? p[1].Trim() : null)).ToList();
        var vehicles = Lines(Vehicles).Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries)).Select(p => new OperationVehicleInput(p[0], p.Length > 1 ? p[1] : null)).ToList();
        var input = new JointOperationInput(Name, ConsentId, Objective, area, start, end, CommandArrangement, forces,
            [.. PersonIds.Select(p => new OperationPersonInput(p, null))], vehicles);
        var outcome = await operations.CreateAsync(Me, input);
        if (outcome.Value is { } created)
        {
            Notice = "Operation planned.";
            return Redirect($"/Operations/JointOperation/{created.Id}");
        }
        await LoadConsentsAsync();
        return Failed("operation", outcome.Errors ?? new() { [outcome.Missing ?? "operation"] = [outcome.Forbidden ?? outcome.Conflict ?? "Names no record you may read."] });
    }

    private async Task LoadConsentsAsync()
        => Consents = [.. (await consents.ListAsync(Me)).Where(c => c.Status == nameof(ConsentStatus.Active))];

    private static string[] Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A time as the form's datetime-local field sends it, read as UTC.</summary>
    private static DateTimeOffset? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }
        errors[field] = ["Not a date and time."];
        return null;
    }
}
