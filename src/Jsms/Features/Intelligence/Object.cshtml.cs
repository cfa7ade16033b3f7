using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// /Intelligence/Object?id=...: the latest readable version's properties and marking, its versions, and its readable
/// relationships and sightings with links to the related objects the caller may read. Not readable => 404.
/// </summary>
internal sealed class IntelligenceObjectModel(JsmsDbContext db, ReleaseMarkings markings, StixAuthoring authoring) : PageModel
{
    internal sealed record Property(string Name, string Value, bool IsJson);

    internal sealed record Related(string RelationshipId, string Kind, bool Outgoing, string OtherId, string? OtherName, string? OtherType,
        bool OtherVisible, string Tlp);

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    public StixObjectDetail Detail { get; private set; } = null!;
    public string? Name { get; private set; }
    public List<Property> Properties { get; private set; } = [];
    public MarkingDto Marking { get; private set; } = null!;
    public List<Related> Relationships { get; private set; } = [];

    /// <summary>The caller's agency owns the object and the caller writes: the page offers a new version and revocation.</summary>
    public bool CanChange { get; private set; }

    /// <summary>Why a revocation was refused.</summary>
    public Dictionary<string, string[]>? Errors { get; private set; }

    /// <summary>Shown in the marking section, not among the properties.</summary>
    private static readonly HashSet<string> MarkingProperties = ["object_marking_refs", "extensions"];

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
        Properties = [.. latest.EnumerateObject().Where(p => !MarkingProperties.Contains(p.Name))
            .Select(p => p.Value.ValueKind == JsonValueKind.String
                ? new Property(p.Name, p.Value.GetString()!, false)
                : new Property(p.Name, p.Value.GetRawText(), true))];

        var row = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Where(o => o.StixId == Id)
            .OrderByDescending(o => o.Modified).Select(o => new { o.Id, o.OwnerAgencyId, o.Tlp }).FirstAsync();
        Marking = (await markings.DescribeAsync([(row.Id, row.OwnerAgencyId, row.Tlp)]))[row.Id];
        CanChange = caller.CanWrite && row.OwnerAgencyId == caller.AgencyId && detail.Type != "marking-definition";

        // Relationships and sightings (latest readable version of each) and the objects at their other end.
        var links = await db.Readable<StixObjectVersion>(caller).AsNoTracking()
            .Where(o => o.SourceRef == Id || o.TargetRef == Id)
            .OrderByDescending(o => o.Modified).Take(400)
            .Select(o => new { o.StixId, o.Type, o.SourceRef, o.TargetRef, o.Tlp, o.Json }).ToListAsync();
        var latestLinks = links.DistinctBy(l => l.StixId).ToList();
        var others = latestLinks.Select(l => l.SourceRef == Id ? l.TargetRef : l.SourceRef).OfType<string>().Where(o => o != Id).Distinct().ToList();
        var visible = await StixBrowse.VisibleAsync(db, caller, others);
        foreach (var l in latestLinks)
        {
            var outgoing = l.SourceRef == Id;
            var other = (outgoing ? l.TargetRef : l.SourceRef) ?? "";
            string kind = l.Type;
            using (var json = JsonDocument.Parse(l.Json))
            {
                if (json.RootElement.TryGetProperty("relationship_type", out var rt) && rt.ValueKind == JsonValueKind.String)
                {
                    kind = rt.GetString()!;
                }
            }
            var seen = visible.TryGetValue(other, out var o);
            Relationships.Add(new Related(l.StixId, kind, outgoing, other, seen ? o.Name : null, seen ? o.Type : null, seen, l.Tlp.Label()));
        }
        return true;
    }

    public static string Link(string stixId) => "/Intelligence/Object?id=" + Uri.EscapeDataString(stixId);
}
