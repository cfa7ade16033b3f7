using System.Globalization;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Incidents;

/// <summary>The incidents the caller may read, filtered and a page at a time (the API's list).</summary>
internal sealed class IncidentsIndexModel(IncidentsService incidents) : JsmsPage
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Admin1 { get; set; }
    [BindProperty(SupportsGet = true)] public int? AttackType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IncidentPageDto Result { get; private set; } = new([], 0, 1, PageSize);

    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var errors = new Dictionary<string, string[]>();
        var from = Date(From, "from", errors);
        var to = Date(To, "to", errors);
        if (AttackType is { } code && !GtdCodes.AttackTypes.ContainsKey(code))
        {
            errors["attackType"] = ["Not a GTD attack type code."];
        }
        if (errors.Count > 0)
        {
            return Failed("filter", errors);
        }
        Result = await incidents.ListAsync(Me, new IncidentFilter(from, to, Country, Admin1, AttackType, Group, Text, Math.Max(1, PageNumber), PageSize));
        return Page();
    }

    /// <summary>The filters as route values, with another page.</summary>
    public Dictionary<string, string> RouteWith(int page)
    {
        var values = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }
        Add("from", From);
        Add("to", To);
        Add("country", Country);
        Add("admin1", Admin1);
        Add("attackType", AttackType?.ToString(CultureInfo.InvariantCulture));
        Add("group", Group);
        Add("text", Text);
        return values;
    }

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = ["A date (yyyy-MM-dd)."];
        return null;
    }
}
