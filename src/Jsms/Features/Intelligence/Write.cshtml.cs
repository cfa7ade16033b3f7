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

    /// <summary>A relationship's type and its two ends (STIX ids, chosen from the readable objects).</summary>
    public string? RelationshipType { get; set; }
    public string? SourceRef { get; set; }
    public string? TargetRef { get; set; }

    /// <summary>A sighting: what was seen, where (STIX ids), how often and when.</summary>
    public string? SightingOfRef { get; set; }
    public string? WhereSightedRefs { get; set; }
    public string? Count { get; set; }
    public string? FirstSeen { get; set; }
    public string? LastSeen { get; set; }

    /// <summary>A threat actor's types (open vocabulary), separated by commas.</summary>
    public string? ThreatActorTypes { get; set; }

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
    private static readonly HashSet<string> FormProperties = ["name", "description", "pattern", "pattern_type", "valid_from", "object_refs",
        "relationship_type", "source_ref", "target_ref", "sighting_of_ref", "where_sighted_refs", "count", "first_seen", "last_seen", "threat_actor_types"];

    private static readonly HashSet<string> SetByJsms =
        ["type", "id", "spec_version", "created", "modified", "revoked", "object_marking_refs", "granular_markings", "extensions"];

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public StixForm Form { get; set; } = new();

    public List<CollectionDto> Collections { get; private set; } = [];

    /// <summary>The newest readable objects, offered by name and type in the reference fields (the browser filters as one types).</summary>
    public List<StixObjectSummary> Pickable { get; private set; } = [];
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
        Pickable = await StixBrowse.SearchAsync(db, Me, new StixSearch(null, null, null, null, null));
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
                Pickable = await StixBrowse.SearchAsync(db, Me, new StixSearch(null, null, null, null, null));
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
        if (Form.Type == "relationship")
        {
            Set("relationship_type", Form.RelationshipType);
            Set("source_ref", Form.SourceRef);
            Set("target_ref", Form.TargetRef);
        }
        if (Form.Type == "sighting")
        {
            Set("sighting_of_ref", Form.SightingOfRef);
            Set("first_seen", Form.FirstSeen);
            Set("last_seen", Form.LastSeen);
            if (SplitCodes(Form.WhereSightedRefs) is { Length: > 0 } where)
            {
                properties["where_sighted_refs"] = new JsonArray([.. where.Select(r => (JsonNode)r)]);
            }
            if (!string.IsNullOrWhiteSpace(Form.Count))
            {
                if (int.TryParse(Form.Count.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                {
                    properties["count"] = count;
                }
                else
                {
                    errors["properties.count"] = ["A whole number of times, 0 or more."];
                }
            }
        }
        if (Form.Type == "threat-actor" && SplitCodes(Form.ThreatActorTypes) is { Length: > 0 } actorTypes)
        {
            properties["threat_actor_types"] = new JsonArray([.. actorTypes.Select(r => (JsonNode)r)]);
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
        Form.RelationshipType = Text(latest["relationship_type"]);
        Form.SourceRef = Text(latest["source_ref"]);
        Form.TargetRef = Text(latest["target_ref"]);
        Form.SightingOfRef = Text(latest["sighting_of_ref"]);
        Form.WhereSightedRefs = latest["where_sighted_refs"] is JsonArray where ? string.Join("\n", where.Select(r => r?.ToString())) : null;
        Form.Count = latest["count"]?.ToJsonString();
        Form.FirstSeen = Text(latest["first_seen"]);
        Form.LastSeen = Text(latest["last_seen"]);
        Form.ThreatActorTypes = latest["threat_actor_types"] is JsonArray types ? string.Join(", ", types.Select(r => r?.ToString())) : null;
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
