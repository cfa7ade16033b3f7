using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>The fields of the write form: the common STIX properties as inputs, any other property in <see cref="Other"/> (a JSON object).</summary>
internal sealed class StixForm
{
    public Guid? CollectionId { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Pattern { get; set; }
    public string? PatternType { get; set; }
    public string? ValidFrom { get; set; }

    /// <summary>STIX ids separated by commas, spaces or lines (a report's, note's, opinion's or grouping's object_refs).</summary>
    public string? ObjectRefs { get; set; }

    public string? Other { get; set; }
    public MarkingForm Marking { get; set; } = new();
}

/// <summary>
/// /Intelligence/Write: a STIX object written by hand, or with <c>?id=</c> a new version of one the caller's agency owns.
/// The page builds the properties from its fields and hands them to <see cref="StixAuthoring"/>, like the API does.
/// </summary>
internal sealed class IntelligenceWriteModel(JsmsDbContext db, StixAuthoring authoring, ReleaseMarkings markings, StixCollections collections) : JsmsPage
{
    /// <summary>Fields of the form; the rest of an object's properties go to <see cref="StixForm.Other"/> when editing.</summary>
    private static readonly HashSet<string> FormProperties = ["name", "description", "pattern", "pattern_type", "valid_from", "object_refs"];

    private static readonly HashSet<string> SetByJsms =
        ["type", "id", "spec_version", "created", "modified", "revoked", "object_marking_refs", "granular_markings", "extensions"];

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public StixForm Form { get; set; } = new();

    public List<CollectionDto> Collections { get; private set; } = [];
    public static IEnumerable<string> Types => StixAuthoring.Required.Keys;

    public async Task<IActionResult> OnGetAsync(string? type)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (!Me.CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Collections = await collections.ListAsync();
        if (Id is null)
        {
            Form.Type = type is not null && StixAuthoring.Required.ContainsKey(type) ? type : "indicator";
            Form.PatternType = "stix";
            return Page();
        }
        var latest = await db.Writable<StixObjectVersion>(Me).AsNoTracking().Where(o => o.StixId == Id && o.Type != "marking-definition")
            .OrderByDescending(o => o.Modified).FirstOrDefaultAsync();
        if (latest is null || latest.Revoked)
        {
            return NotFound();
        }
        Fill(JsonNode.Parse(latest.Json)!.AsObject());
        Form.Marking = ToForm(await DescribeAsync(latest));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (!Me.CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var (properties, errors) = Properties();
        (WrittenStix?, Dictionary<string, string[]>?) outcome;
        if (errors.Count > 0)
        {
            outcome = (null, errors);
        }
        else
        {
            try
            {
                outcome = Id is null
                    ? await authoring.CreateAsync(Me, new WriteStixRequest(Form.CollectionId, Form.Type, properties, Form.Marking.ToInput()))
                    : await authoring.UpdateAsync(Me, Id, new WriteStixRequest(null, null, properties, Form.Marking.ToInput()));
            }
            catch (UnreadableReferenceException unreadable)
            {
                outcome = (null, unreadable.Errors());
            }
        }
        switch (outcome)
        {
            case ({ } written, _):
                return Redirect(IntelligenceObjectModel.Link(written.Id));
            case (_, { } failed):
                Collections = await collections.ListAsync();
                if (Id is not null)
                {
                    Form.Type = await db.Writable<StixObjectVersion>(Me).Where(o => o.StixId == Id).Select(o => o.Type).FirstOrDefaultAsync();
                }
                return Failed("write", failed);
            default:
                return NotFound();
        }
    }

    /// <summary>The form's fields as STIX properties; an empty field is left out.</summary>
    private (JsonObject, Dictionary<string, string[]>) Properties()
    {
        var errors = new Dictionary<string, string[]>();
        var properties = new JsonObject();
        if (!string.IsNullOrWhiteSpace(Form.Other))
        {
            try
            {
                if (JsonNode.Parse(Form.Other) is JsonObject other)
                {
                    properties = other;
                }
                else
                {
                    errors["other"] = ["A JSON object, e.g. {\"threat_actor_types\": [\"terrorist\"]}."];
                }
            }
            catch (JsonException e)
            {
                errors["other"] = [$"Not JSON: {e.Message}"];
            }
        }
        void Set(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                properties[name] = value.Trim();
            }
        }
        Set("name", Form.Name);
        Set("description", Form.Description);
        if (Form.Type == "indicator")
        {
            Set("pattern", Form.Pattern);
            Set("pattern_type", Form.PatternType);
            Set("valid_from", Form.ValidFrom);
        }
        var refs = SplitCodes(Form.ObjectRefs);
        if (refs.Length > 0)
        {
            properties["object_refs"] = new JsonArray([.. refs.Select(r => (JsonNode)r)]);
        }
        return (properties, errors);
    }

    private void Fill(JsonObject latest)
    {
        Form.Type = (string?)latest["type"];
        Form.Name = Text(latest["name"]);
        Form.Description = Text(latest["description"]);
        Form.Pattern = Text(latest["pattern"]);
        Form.PatternType = Text(latest["pattern_type"]);
        Form.ValidFrom = Text(latest["valid_from"]);
        Form.ObjectRefs = latest["object_refs"] is JsonArray refs ? string.Join("\n", refs.Select(r => r?.ToString())) : null;
        var other = new JsonObject();
        foreach (var (name, value) in latest)
        {
            if (!FormProperties.Contains(name) && !SetByJsms.Contains(name))
            {
                other[name] = value?.DeepClone();
            }
        }
        Form.Other = other.Count > 0 ? other.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) : null;
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private async Task<MarkingInput> DescribeAsync(StixObjectVersion latest)
    {
        var marking = (await markings.DescribeAsync([(latest.Id, latest.OwnerAgencyId, latest.Tlp)]))[latest.Id];
        return new MarkingInput(marking.Tlp, [.. marking.ReleaseTo], [.. marking.Recipients]);
    }
}
