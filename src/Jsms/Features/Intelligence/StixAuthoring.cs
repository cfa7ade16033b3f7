using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Writing STIX objects by hand (API and page): the new object gets its id, <c>created</c> and <c>modified</c> here; a new
/// version keeps id and <c>created</c> and takes a later <c>modified</c>; revoking adds a version with <c>revoked: true</c>
/// (STIX 2.1 section 3.6). Every version goes through <see cref="StixImporter"/>, like an import: ownership, revocation
/// and the marking are checked there once for all ways in.
/// </summary>
internal sealed partial class StixAuthoring(JsmsDbContext db, StixImporter importer, ReleaseMarkings markings, TimeProvider clock)
{
    /// <summary>The types a user may write, with the properties each requires (STIX 2.1 section 4 and 5).</summary>
    public static IReadOnlyDictionary<string, string[]> Required { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["report"] = ["name", "published", "object_refs"],
        ["threat-actor"] = ["name"],
        ["intrusion-set"] = ["name"],
        ["campaign"] = ["name"],
        ["indicator"] = ["pattern", "pattern_type", "valid_from"],
        ["identity"] = ["name"],
        ["location"] = [],
        ["attack-pattern"] = ["name"],
        ["malware"] = ["is_family"],
        ["tool"] = ["name"],
        ["vulnerability"] = ["name"],
        ["note"] = ["content", "object_refs"],
        ["opinion"] = ["opinion", "object_refs"],
        ["sighting"] = ["sighting_of_ref"],
        ["relationship"] = ["relationship_type", "source_ref", "target_ref"],
        ["grouping"] = ["context", "object_refs"],
    };

    /// <summary>Set by JSMS, never by the writer.</summary>
    private static readonly HashSet<string> Reserved =
        ["type", "id", "spec_version", "created", "modified", "revoked", "object_marking_refs", "granular_markings", "extensions"];

    private static readonly HashSet<string> Timestamps =
        ["published", "valid_from", "valid_until", "first_seen", "last_seen", "first_observed", "last_observed", "start_time", "stop_time"];

    private static readonly HashSet<string> Opinions = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex StixId();

    /// <summary>
    /// Every <c>*_ref</c> and <c>*_refs</c> an author writes names an object the author may read (docs/access-policy.md,
    /// "References"): one they may not read, or one that is not here, answers 404 naming the property, so linking cannot
    /// probe for objects the author is not released.
    /// </summary>
    private async Task EnsureReferencesReadableAsync(Caller caller, JsonObject properties)
    {
        var missing = new List<string>();
        foreach (var (name, value) in properties)
        {
            if (name.EndsWith("_ref", StringComparison.Ordinal) && value is not null)
            {
                missing.AddRange((await db.MissingAsync<StixObjectVersion, string>(caller, "properties." + name, o => o.StixId, [value.GetValue<string>()]))
                    .Select(_ => "properties." + name));
            }
            else if (name.EndsWith("_refs", StringComparison.Ordinal) && value is JsonArray refs)
            {
                missing.AddRange(await db.MissingAsync<StixObjectVersion, string>(caller, "properties." + name, o => o.StixId,
                    [.. refs.Select(r => r!.GetValue<string>())]));
            }
        }
        References.Ensure(missing);
    }

    public async Task<(WrittenStix?, Dictionary<string, string[]>?)> CreateAsync(Caller caller, WriteStixRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var collection = request.CollectionId is { } cid ? await db.Set<StixCollection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid) : null;
        if (collection is null)
        {
            errors["collectionId"] = ["An existing collection is required."];
        }
        var type = request.Type?.Trim() ?? "";
        var now = StixNow();
        if (!Required.ContainsKey(type))
        {
            errors["type"] = [$"One of: {string.Join(", ", Required.Keys)}."];
        }
        else
        {
            CheckProperties(type, request.Properties, errors, now);
        }
        await CheckMarkingAsync(request.Marking, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        await EnsureReferencesReadableAsync(caller, request.Properties!);
        var node = Build(type, $"{type}--{Guid.NewGuid()}", now, now, request.Properties!);
        return await StoreAsync(caller, collection!, node, request.Marking);
    }

    /// <summary>A new version of an object the caller's agency owns: the given properties replace the previous ones.</summary>
    public async Task<(WrittenStix?, Dictionary<string, string[]>?)> UpdateAsync(Caller caller, string stixId, WriteStixRequest request)
    {
        var latest = await LatestWritableAsync(caller, stixId);
        if (latest is null)
        {
            return (null, null);
        }
        var errors = new Dictionary<string, string[]>();
        CheckProperties(latest.Type, request.Properties, errors, StixNow());
        await CheckMarkingAsync(request.Marking, errors);
        if (latest.Revoked)
        {
            errors["id"] = ["The object is revoked: it takes no further versions."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        await EnsureReferencesReadableAsync(caller, request.Properties!);
        var previous = JsonNode.Parse(latest.Json)!.AsObject();
        var node = Build(latest.Type, stixId, (string)previous["created"]!, NextVersion(latest.Modified), request.Properties!);
        KeepMarking(previous, node, request.Marking);
        var collection = await db.Set<StixCollection>().AsNoTracking().SingleAsync(c => c.Id == latest.CollectionId);
        return await StoreAsync(caller, collection, node, request.Marking);
    }

    /// <summary>Revokes an object the caller's agency owns: a last version, identical but for <c>modified</c> and <c>revoked: true</c>.</summary>
    public async Task<(WrittenStix?, Dictionary<string, string[]>?)> RevokeAsync(Caller caller, string stixId)
    {
        var latest = await LatestWritableAsync(caller, stixId);
        if (latest is null)
        {
            return (null, null);
        }
        if (latest.Revoked)
        {
            return (null, new() { ["id"] = ["The object is revoked already."] });
        }
        var node = JsonNode.Parse(latest.Json)!.AsObject();
        node["modified"] = NextVersion(latest.Modified);
        node["revoked"] = true;
        var collection = await db.Set<StixCollection>().AsNoTracking().SingleAsync(c => c.Id == latest.CollectionId);
        return await StoreAsync(caller, collection, node, null);
    }

    private async Task<StixObjectVersion?> LatestWritableAsync(Caller caller, string stixId)
        => await db.Writable<StixObjectVersion>(caller).AsNoTracking().Where(o => o.StixId == stixId && o.Type != "marking-definition")
            .OrderByDescending(o => o.Modified).FirstOrDefaultAsync();

    private async Task<(WrittenStix?, Dictionary<string, string[]>?)> StoreAsync(Caller caller, StixCollection collection, JsonObject node, MarkingInput? marking)
    {
        await using var body = StixImporter.Envelope([node]);
        var report = await importer.ImportAsync(caller, collection, body, marking ?? new MarkingInput(null, [], []));
        if (report.Failures.Count > 0 && report.Failures[0] is { } failure)
        {
            return (null, new() { ["object"] = [failure.Reason] });
        }
        var id = (string)node["id"]!;
        var version = report.Successes.Single().Version;
        var json = await db.Set<StixObjectVersion>().AsNoTracking().Where(o => o.CollectionId == collection.Id && o.StixId == id && o.Version == version)
            .Select(o => o.Json).SingleAsync();
        return (new WrittenStix(id, version, collection.Id, JsonDocument.Parse(json).RootElement.Clone()), null);
    }

    private async Task CheckMarkingAsync(MarkingInput? marking, Dictionary<string, string[]> errors)
    {
        if (marking is not null)
        {
            var (_, markingErrors) = await markings.ResolveAsync(marking);
            foreach (var (key, value) in markingErrors)
            {
                errors[key] = value;
            }
        }
    }

    private static JsonObject Build(string type, string id, string created, string modified, JsonObject properties)
    {
        var node = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = created,
            ["modified"] = modified,
        };
        foreach (var (name, value) in properties)
        {
            node[name] = value?.DeepClone();
        }
        return node;
    }

    /// <summary>A new version without a marking keeps the previous version's TLP and release extension (JSMS reads them back).</summary>
    private static void KeepMarking(JsonObject previous, JsonObject node, MarkingInput? marking)
    {
        if (marking is null)
        {
            node["object_marking_refs"] = previous["object_marking_refs"]?.DeepClone();
            node["extensions"] = previous["extensions"]?.DeepClone();
        }
    }

    private string StixNow() => Milliseconds(clock.GetUtcNow().UtcDateTime);

    /// <summary>Now, or just after the previous version when the clock has not moved past it: versions must strictly increase.</summary>
    private string NextVersion(DateTime previous)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = now > previous.AddMilliseconds(1) ? now : previous.AddMilliseconds(1);
        return Milliseconds(next);
    }

    /// <summary>Checks the writer's properties; fills the defaults a writer may leave out: an indicator's pattern_type (stix) and valid_from, a report's published (now).</summary>
    private static void CheckProperties(string type, JsonObject? properties, Dictionary<string, string[]> errors, string now)
    {
        if (properties is null)
        {
            errors["properties"] = ["The object's properties are required (a JSON object)."];
            return;
        }
        if (properties.ToJsonString().Length > 200_000)
        {
            errors["properties"] = ["At most 200,000 characters of properties."];
            return;
        }
        // Defaults first, so "required" sees them.
        if (type == "indicator")
        {
            properties["pattern_type"] ??= "stix";
            properties["valid_from"] ??= now;
        }
        if (type == "report")
        {
            properties["published"] ??= now;
        }
        foreach (var (name, value) in properties)
        {
            var field = "properties." + name;
            if (Reserved.Contains(name))
            {
                errors[field] = ["Set by JSMS: leave it out (give the marking under 'marking')."];
            }
            else if (!PropertyName().IsMatch(name))
            {
                errors[field] = ["STIX property names are lower case letters, digits and underscores, 3 to 250 characters."];
            }
            else if (value is null)
            {
                errors[field] = ["null is not a STIX value: leave the property out."];
            }
            else if (Timestamps.Contains(name) && (value.GetValueKind() != JsonValueKind.String || !StixTime.TryParse(value.GetValue<string>(), out _)))
            {
                errors[field] = ["A STIX timestamp such as 2026-03-10T09:00:00.000Z."];
            }
            else if (name.EndsWith("_ref", StringComparison.Ordinal) && !IsId(value))
            {
                errors[field] = ["A STIX id such as threat-actor--<UUID>."];
            }
            else if (name.EndsWith("_refs", StringComparison.Ordinal)
                     && (value is not JsonArray refs || refs.Count == 0 || !refs.All(IsId)))
            {
                errors[field] = ["A non-empty list of STIX ids."];
            }
            else if (value is JsonArray { Count: 0 })
            {
                errors[field] = ["STIX lists must not be empty: leave the property out."];
            }
            else if (name is "name" or "description" or "content" or "pattern" or "relationship_type" or "context" or "opinion" or "pattern_type"
                     && (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Trim().Length == 0))
            {
                errors[field] = ["A non-empty text."];
            }
        }
        foreach (var name in Required[type].Where(n => !properties.ContainsKey(n) && !errors.ContainsKey("properties." + n)))
        {
            errors["properties." + name] = [$"A {type} requires '{name}'."];
        }
        if (type == "indicator" && !errors.ContainsKey("properties.pattern") && (string?)properties["pattern_type"] == "stix"
            && StixPattern.Check((string?)properties["pattern"]) is { } patternError)
        {
            errors["properties.pattern"] = [$"Not a STIX pattern: {patternError}."];
        }
        if (type == "location" && !properties.ContainsKey("region") && !properties.ContainsKey("country")
            && !(properties.ContainsKey("latitude") && properties.ContainsKey("longitude")))
        {
            errors["properties.region"] = ["A location requires a region, a country, or latitude and longitude."];
        }
        if (type == "malware" && properties["is_family"] is { } family && family.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors["properties.is_family"] = ["true or false."];
        }
        if (type == "malware" && properties["is_family"]?.GetValueKind() == JsonValueKind.True && !properties.ContainsKey("name"))
        {
            errors["properties.name"] = ["A malware family requires a name."];
        }
        if (type == "opinion" && properties["opinion"] is { } opinion && (opinion.GetValueKind() != JsonValueKind.String || !Opinions.Contains(opinion.GetValue<string>())))
        {
            errors["properties.opinion"] = [$"One of: {string.Join(", ", Opinions)}."];
        }
    }

    private static string Milliseconds(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool IsId(JsonNode? value)
        => value?.GetValueKind() == JsonValueKind.String && StixId().IsMatch(value.GetValue<string>()) && value.GetValue<string>().Length <= 300;

    [GeneratedRegex("^[a-z0-9_]{3,250}$")]
    private static partial Regex PropertyName();
}
