using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// <c>GET /api/intelligence/objects/{stixId}/graph?depth=1|2</c>: the object's neighbourhood through relationships and
/// sightings. Every query goes through the access policy, and an edge is kept only when both its ends are readable, so an
/// object the caller may not read never appears, not even as a name.
/// </summary>
internal static class StixGraphQuery
{
    public const int MaxNodes = 150;

    public static async Task<Results<Ok<StixGraph>, NotFound, ValidationProblem>> Get(string stixId, int? depth, Caller caller, JsmsDbContext db)
    {
        if (depth is < 1 or > 2)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["depth"] = ["The depth is 1 or 2."] });
        }
        return await BuildAsync(db, caller, stixId, depth ?? 1) is { } graph ? TypedResults.Ok(graph) : TypedResults.NotFound();
    }

    public static async Task<StixGraph?> BuildAsync(JsmsDbContext db, Caller caller, string stixId, int depth)
    {
        var readable = db.Readable<StixObjectVersion>(caller).AsNoTracking();
        var levels = new Dictionary<string, int>(StringComparer.Ordinal) { [stixId] = 0 };
        var links = new Dictionary<string, (string Source, string Target, string Label)>(StringComparer.Ordinal);
        var frontier = new List<string> { stixId };
        var truncated = false;
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var ids = frontier;
            var rows = await readable.Where(o => o.SourceRef != null && (ids.Contains(o.SourceRef) || (o.TargetRef != null && ids.Contains(o.TargetRef))))
                .OrderByDescending(o => o.Modified).Take(MaxNodes * 4)
                .Select(o => new { o.StixId, o.Type, o.SourceRef, o.TargetRef, o.Json }).ToListAsync();
            var next = new List<string>();
            foreach (var row in rows.DistinctBy(r => r.StixId))
            {
                if (links.ContainsKey(row.StixId))
                {
                    continue;
                }
                var source = row.SourceRef!;
                // A sighting points from where it was seen (or the sighting itself) to what was seen.
                var target = row.TargetRef ?? row.StixId;
                links[row.StixId] = row.Type == "sighting" ? (row.StixId, source, "sighting-of") : (source, target, LabelOf(row.Json, row.Type));
                foreach (var end in row.Type == "sighting" ? new[] { source, row.StixId } : [source, target])
                {
                    if (!levels.ContainsKey(end))
                    {
                        if (levels.Count >= MaxNodes)
                        {
                            truncated = true;
                            continue;
                        }
                        levels[end] = level;
                        next.Add(end);
                    }
                }
            }
            frontier = next.Where(n => !n.StartsWith("sighting--", StringComparison.Ordinal)).ToList();
        }
        var visible = await StixBrowse.VisibleAsync(db, caller, levels.Keys.ToList());
        if (!visible.ContainsKey(stixId))
        {
            return null;
        }
        var nodes = levels.Where(l => visible.ContainsKey(l.Key))
            .Select(l => new StixGraphNode(l.Key, visible[l.Key].Type, visible[l.Key].Name ?? visible[l.Key].Type, IntelligenceObjectModel.Link(l.Key), l.Value))
            .ToList();
        var edges = links.Where(e => visible.ContainsKey(e.Value.Source) && visible.ContainsKey(e.Value.Target))
            .Select(e => new StixGraphEdge(e.Key, e.Value.Source, e.Value.Target, e.Value.Label)).ToList();
        return new StixGraph(nodes, edges, truncated);
    }

    private static string LabelOf(string json, string type)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("relationship_type", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString()! : type;
    }
}
