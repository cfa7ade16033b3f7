using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// /Intelligence/Object?id=...: the entity page. The latest readable version's fields (every reference by name and type,
/// as a link, when the caller may read it), marking, versions, relationships both ways grouped by type, sightings, the
/// reports that reference it, a graph of its neighbourhood and the raw STIX JSON. Not readable => 404.
/// </summary>
internal sealed class IntelligenceObjectModel(JsmsDbContext db, ReleaseMarkings markings, StixAuthoring authoring) : PageModel
{
    /// <summary>A property shown readably: text, a list of strings, references (resolved by <see cref="Resolve"/>) or indented JSON.</summary>
    internal sealed record Property(string Name, string Value, bool IsJson, IReadOnlyList<string>? Refs, IReadOnlyList<string> Items);

    internal sealed record Related(string RelationshipId, string Kind, bool Outgoing, string OtherId, string Tlp);

    internal sealed record Sighting(string SightingId, string? FirstSeen, string? LastSeen, string? Count, IReadOnlyList<string> Where, string Tlp);

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    public StixObjectDetail Detail { get; private set; } = null!;
    public string? Name { get; private set; }
    public List<Property> Properties { get; private set; } = [];
    public MarkingDto Marking { get; private set; } = null!;
    public List<Related> Relationships { get; private set; } = [];
    public List<Sighting> Sightings { get; private set; } = [];
    public List<(string Id, string Name)> Reports { get; private set; } = [];
    public Dictionary<string, (string Type, string? Name)> References { get; private set; } = [];
    public string RawJson { get; private set; } = "";

    /// <summary>The caller's agency owns the object and the caller writes: the page offers a new version and revocation.</summary>
    public bool CanChange { get; private set; }

    /// <summary>Why a revocation was refused.</summary>
    public Dictionary<string, string[]>? Errors { get; private set; }

    /// <summary>In the heading or the marking section, not among the fields (the raw JSON keeps them all).</summary>
    private static readonly HashSet<string> HiddenProperties = ["type", "id", "name", "extensions"];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        return await LoadAsync(caller) ? Page() : NotFound();
    }

    /// <summary>Revokes the object through <see cref="StixAuthoring"/>, as the API does; not the caller's to change => 404.</summary>
    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        if (!caller.CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        switch (await authoring.RevokeAsync(caller, Id ?? ""))
        {
            case ({ }, _):
                return Redirect(Link(Id!));
            case (_, { } errors):
                Errors = errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await LoadAsync(caller) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Caller caller)
    {
        if (string.IsNullOrWhiteSpace(Id) || await StixBrowse.DetailAsync(db, caller, Id) is not { } detail)
        {
            return false;
        }
        Detail = detail;
        var latest = detail.Versions[0].Content;
        Name = latest.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        RawJson = JsonSerializer.Serialize(latest, IndentedJson);
        Properties = [.. latest.EnumerateObject().Where(p => !HiddenProperties.Contains(p.Name)).Select(ToProperty)];

        var row = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Where(o => o.StixId == Id)
            .OrderByDescending(o => o.Modified).Select(o => new { o.Id, o.OwnerAgencyId, o.Tlp }).FirstAsync();
        Marking = (await markings.DescribeAsync([(row.Id, row.OwnerAgencyId, row.Tlp)]))[row.Id];
        CanChange = caller.CanWrite && row.OwnerAgencyId == caller.AgencyId && detail.Type != "marking-definition";

        // Relationships and sightings (latest readable version of each) from or to the object.
        var links = await db.Readable<StixObjectVersion>(caller).AsNoTracking()
            .Where(o => o.SourceRef == Id || o.TargetRef == Id)
            .OrderByDescending(o => o.Modified).Take(400)
            .Select(o => new { o.StixId, o.Type, o.SourceRef, o.TargetRef, o.Tlp, o.Json }).ToListAsync();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        StixRefs.Collect(latest, wanted);
        foreach (var l in links.DistinctBy(l => l.StixId))
        {
            using var json = JsonDocument.Parse(l.Json);
            var root = json.RootElement;
            if (l.Type == "sighting")
            {
                var where = root.TryGetProperty("where_sighted_refs", out var w) && w.ValueKind == JsonValueKind.Array
                    ? w.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList() : [];
                wanted.UnionWith(where);
                Sightings.Add(new Sighting(l.StixId, Text(root, "first_seen"), Text(root, "last_seen"),
                    root.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetRawText() : null, where, l.Tlp.Label()));
                continue;
            }
            var outgoing = l.SourceRef == Id;
            var other = (outgoing ? l.TargetRef : l.SourceRef) ?? "";
            wanted.Add(other);
            Relationships.Add(new Related(l.StixId, Text(root, "relationship_type") ?? l.Type, outgoing, other, l.Tlp.Label()));
        }
        // Reports that name the object among their object_refs (latest readable version of each).
        var reports = await db.Readable<StixObjectVersion>(caller).AsNoTracking()
            .Where(o => o.Type == "report" && o.StixId != Id && o.Json.Contains(Id))
            .OrderByDescending(o => o.Modified).Take(200).Select(o => new { o.StixId, o.Name, o.Json }).ToListAsync();
        Reports = [.. reports.DistinctBy(r => r.StixId).Where(r => ReferencesThis(r.Json)).Select(r => (r.StixId, r.Name ?? r.StixId))];

        // Every reference on the page resolved in one query, over what the caller may read.
        wanted.Remove(Id);
        References = await StixBrowse.VisibleAsync(db, caller, wanted);
        return true;
    }

    private bool ReferencesThis(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var refs = new HashSet<string>(StringComparer.Ordinal);
        StixRefs.Collect(doc.RootElement, refs);
        return refs.Contains(Id!);
    }

    private static string? Text(JsonElement root, string property)
        => root.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Property ToProperty(JsonProperty p)
    {
        if (StixRefs.IsRefProperty(p.Name))
        {
            List<string> ids = p.Value.ValueKind switch
            {
                JsonValueKind.String => [p.Value.GetString()!],
                JsonValueKind.Array => [.. p.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
                _ => [],
            };
            return new Property(p.Name, "", false, ids, []);
        }
        return p.Value.ValueKind switch
        {
            JsonValueKind.String => new Property(p.Name, p.Value.GetString()!, false, null, []),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new Property(p.Name, p.Value.GetRawText(), false, null, []),
            JsonValueKind.Array when p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                => new Property(p.Name, "", false, null, [.. p.Value.EnumerateArray().Select(e => e.GetString()!)]),
            _ => new Property(p.Name, JsonSerializer.Serialize(p.Value, IndentedJson), true, null, []),
        };
    }

    /// <summary>What the page shows for a reference: its name (or type) and a link when readable, else null.</summary>
    public (string Label, string Type, string Url)? Resolve(string stixId)
        => References.TryGetValue(stixId, out var o) ? (o.Name ?? o.Type, o.Type, Link(stixId)) : null;

    public static string Link(string stixId) => "/Intelligence/Object?id=" + Uri.EscapeDataString(stixId);
}
