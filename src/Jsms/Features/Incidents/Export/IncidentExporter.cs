using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Features.Intelligence;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// The readable incidents written out (docs/incidents.md, "Export"): CSV with JSMS's own columns, CSV in the GTD layout
/// (which the GTD import reads back), a GeoJSON FeatureCollection, and a STIX 2.1 bundle (an <c>incident</c> with the
/// incident core extension, a <c>threat-actor</c> per group with <c>attributed-to</c>, a <c>location</c> with
/// <c>located-at</c>, each marked with its TLP). The export is audited as one <c>export</c> entry naming what left.
/// </summary>
internal sealed class IncidentExporter(JsmsDbContext db, TimeProvider clock)
{
    public const string IncidentCoreExtensionId = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

    public static readonly string[] Formats = ["csv", "gtd", "geojson", "stix"];

    public static string ContentType(string format) => format switch
    {
        "geojson" => "application/geo+json",
        "stix" => "application/stix+json;version=2.1",
        _ => "text/csv; charset=utf-8",
    };

    public static string FileName(string format) => format switch
    {
        "geojson" => "incidents.geojson",
        "stix" => "incidents-stix.json",
        "gtd" => "incidents-gtd.csv",
        _ => "incidents.csv",
    };

    /// <summary>The incidents (with their groups, casualties and sources), audited as one export before they are returned.</summary>
    public async Task<List<Incident>> LoadAsync(Caller caller, IncidentExportFilter filter, string format, CancellationToken cancellationToken)
    {
        var incidents = await IncidentQueries.Filtered(db, caller, filter)
            .Include(i => i.Perpetrators).Include(i => i.Casualties).Include(i => i.Sources).AsSplitQuery()
            .OrderBy(i => i.OccurredOn).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var scope = filter.Describe();
        db.Audit("export", nameof(Incident), null, $"{incidents.Count} incidents as {format}" + (scope.Length == 0 ? "" : $" ({scope})"));
        await db.SaveChangesAsync(cancellationToken);
        return incidents;
    }

    public async Task<string> WriteAsync(List<Incident> incidents, string format, CancellationToken cancellationToken) => format switch
    {
        "gtd" => Gtd(incidents),
        "geojson" => GeoJson(incidents),
        "stix" => await StixAsync(incidents, cancellationToken),
        _ => Csv(incidents),
    };

    private static readonly VictimClass[] Classes = Enum.GetValues<VictimClass>();

    public static string Csv(IEnumerable<Incident> incidents)
    {
        var text = new StringBuilder();
        CsvText.Row(text, new object?[]
        {
            "id", "title", "occurred_on", "occurred_until", "date_precision", "time_of_day", "country", "admin1", "admin2", "location", "latitude",
            "longitude", "place_precision", "attack_types", "weapon_types", "target_types", "suicide", "success", "property_damage",
            "hostages_or_kidnapping", "perpetrators", "killed", "injured",
        }.Concat(Classes.Select(c => (object?)$"killed_{Snake(c)}")).Concat(Classes.Select(c => (object?)$"injured_{Snake(c)}"))
            .Concat(["sources", "source_event_ids", "summary", "version", "tlp"]));
        foreach (var i in incidents)
        {
            CsvText.Row(text, new object?[]
            {
                i.Id, i.Title, i.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.OccurredUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i.DatePrecision, i.TimeOfDay?.ToString("HH:mm", CultureInfo.InvariantCulture), i.Country, i.Admin1, i.Admin2, i.LocationName, i.Latitude, i.Longitude,
                i.PlacePrecision, string.Join(';', i.AttackTypes), string.Join(';', i.WeaponTypes), string.Join(';', i.TargetTypes), i.Suicide, i.Success,
                i.PropertyDamage, i.HostagesOrKidnapping, string.Join(';', i.Perpetrators.OrderBy(p => p.Ordinal).Select(p => p.Name)), i.KilledBest, i.InjuredBest,
            }.Concat(Classes.Select(c => (object?)(i.Casualties.FirstOrDefault(x => x.VictimClass == c)?.KilledBest ?? 0)))
                .Concat(Classes.Select(c => (object?)(i.Casualties.FirstOrDefault(x => x.VictimClass == c)?.InjuredBest ?? 0)))
                .Concat([string.Join(';', i.Sources.Select(s => s.Name)), string.Join(';', i.Sources.Where(s => s.SourceEventId != null).Select(s => $"{s.Format}:{s.SourceEventId}")),
                    i.Summary, i.Version, i.Tlp.Label()]));
        }
        return text.ToString();
    }

    private static string Snake(VictimClass c) => c switch
    {
        VictimClass.SecurityForces => "security_forces",
        VictimClass.ForeignNationals => "foreign_nationals",
        _ => c.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The GTD layout: the date as year, month and day with 0 for what is not known, the specificity, the codes with their
    /// labels, the perpetrators' killed and wounded apart. The event id is the GTD's when the incident came from it.
    /// </summary>
    public static string Gtd(IEnumerable<Incident> incidents)
    {
        var text = new StringBuilder();
        CsvText.Row(text, [
            "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt", "region_txt", "provstate", "city", "latitude", "longitude",
            "specificity", "summary", "success", "suicide", "attacktype1", "attacktype1_txt", "attacktype2", "attacktype3", "targtype1", "targtype1_txt",
            "targtype2", "targtype3", "gname", "gname2", "gname3", "claimed", "claimmode_txt", "weaptype1", "weaptype1_txt", "weaptype2", "weaptype3",
            "weaptype4", "nkill", "nkillter", "nwound", "nwoundte", "property", "ishostkid", "scite1", "scite2", "scite3", "dbsource",
        ]);
        foreach (var i in incidents)
        {
            var gtd = i.Sources.FirstOrDefault(s => s.Format == SourceFormat.Gtd && s.SourceEventId != null);
            var groups = i.Perpetrators.OrderBy(p => p.Ordinal).ToList();
            var perpetrators = i.Casualties.FirstOrDefault(c => c.VictimClass == VictimClass.Perpetrators);
            var citations = i.Sources.Where(s => s != gtd).Select(s => s.Url ?? s.Name).Take(3).ToList();
            CsvText.Row(text, [
                gtd?.SourceEventId ?? $"jsms-{i.Id}", i.OccurredOn.Year, i.DatePrecision == DatePrecision.Year ? 0 : i.OccurredOn.Month,
                i.DatePrecision is DatePrecision.Year or DatePrecision.Month ? 0 : i.OccurredOn.Day,
                i.DatePrecision == DatePrecision.Week ? $"around {i.OccurredOn:yyyy-MM-dd}" + (i.OccurredUntil is { } u ? $" to {u:yyyy-MM-dd}" : "") : null,
                i.OccurredUntil is { } until && until.DayNumber - i.OccurredOn.DayNumber >= 1 ? 1 : 0, CountryName(i.Country), null, i.Admin1, i.LocationName,
                i.Latitude, i.Longitude, (int)i.PlacePrecision, i.Summary, i.Success, i.Suicide,
                Code(i.AttackTypes, 0), Label(i.AttackTypes, 0, GtdCodes.AttackTypes), Code(i.AttackTypes, 1), Code(i.AttackTypes, 2),
                Code(i.TargetTypes, 0), Label(i.TargetTypes, 0, GtdCodes.TargetTypes), Code(i.TargetTypes, 1), Code(i.TargetTypes, 2),
                groups.ElementAtOrDefault(0)?.Name ?? "Unknown", groups.ElementAtOrDefault(1)?.Name, groups.ElementAtOrDefault(2)?.Name,
                groups.FirstOrDefault()?.Claimed switch { ClaimStatus.Yes => 1, ClaimStatus.No => 0, _ => -9 }, groups.FirstOrDefault()?.ClaimMode,
                Code(i.WeaponTypes, 0), Label(i.WeaponTypes, 0, GtdCodes.WeaponTypes), Code(i.WeaponTypes, 1), Code(i.WeaponTypes, 2), Code(i.WeaponTypes, 3),
                i.KilledBest, perpetrators?.KilledBest ?? 0, i.InjuredBest, perpetrators?.InjuredBest ?? 0,
                i.PropertyDamage switch { true => 1, false => 0, null => -9 }, i.HostagesOrKidnapping switch { true => 1, false => 0, null => -9 },
                citations.ElementAtOrDefault(0), citations.ElementAtOrDefault(1), citations.ElementAtOrDefault(2), "JSMS",
            ]);
        }
        return text.ToString();
    }

    private static int? Code(List<int> codes, int index) => index < codes.Count ? codes[index] : null;

    private static string? Label(List<int> codes, int index, IReadOnlyDictionary<int, string> list) => index < codes.Count ? GtdCodes.Label(list, codes[index]) : null;

    private static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>A FeatureCollection of the incidents that have a point; the properties are what the map and the report show.</summary>
    public static string GeoJson(IEnumerable<Incident> incidents)
    {
        var features = new JsonArray();
        foreach (var i in incidents.Where(i => i.Latitude is not null && i.Longitude is not null))
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = i.Id.ToString(),
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(i.Longitude!.Value, i.Latitude!.Value) },
                ["properties"] = new JsonObject
                {
                    ["title"] = i.Title,
                    ["occurredOn"] = i.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["datePrecision"] = i.DatePrecision.ToString(),
                    ["placePrecision"] = i.PlacePrecision.ToString(),
                    ["country"] = i.Country,
                    ["admin1"] = i.Admin1,
                    ["location"] = i.LocationName,
                    ["attackTypes"] = new JsonArray([.. i.AttackTypes.Select(c => (JsonNode)GtdCodes.Label(GtdCodes.AttackTypes, c))]),
                    ["perpetrators"] = new JsonArray([.. i.Perpetrators.OrderBy(p => p.Ordinal).Select(p => (JsonNode)p.Name)]),
                    ["suicide"] = i.Suicide,
                    ["killed"] = i.KilledBest,
                    ["injured"] = i.InjuredBest,
                    ["tlp"] = i.Tlp.Label(),
                },
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    /// <summary>
    /// A STIX 2.1 bundle. Ids are stable: the incident's is its JSMS id, a group's threat-actor its STIX id when the
    /// register links one, else derived from its name (so two exports name the same actor alike), the location and the
    /// relationships derived from the incident's id.
    /// </summary>
    private async Task<string> StixAsync(List<Incident> incidents, CancellationToken cancellationToken)
    {
        var owners = incidents.Select(i => i.OwnerAgencyId).Distinct().ToList();
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => owners.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var now = StixTime(clock.GetUtcNow().UtcDateTime);
        var objects = new JsonArray();
        var identities = new HashSet<Guid>();
        var actors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in incidents)
        {
            var marking = new JsonArray(StixMarkings.Tlp2Ids[i.Tlp]);
            var created = StixTime(i.CreatedAt);
            var modified = StixTime(i.UpdatedAt);
            var identity = $"identity--{StixUuid(i.OwnerAgencyId)}";
            if (identities.Add(i.OwnerAgencyId))
            {
                objects.Add(new JsonObject
                {
                    ["type"] = "identity", ["spec_version"] = "2.1", ["id"] = identity, ["created"] = now, ["modified"] = now,
                    ["name"] = agencies.GetValueOrDefault(i.OwnerAgencyId, "Agency"), ["identity_class"] = "organization",
                    ["object_marking_refs"] = new JsonArray(StixMarkings.Tlp2Ids[Tlp.Green]),
                });
            }
            // STIX identifiers are UUIDs of versions 1–5: an imported incident's time-ordered (version 7) id is mapped to a stable one.
            var incidentId = $"incident--{StixUuid(i.Id)}";
            var description = new StringBuilder(i.Summary);
            description.Append(description.Length > 0 ? "\n\n" : "").Append(CultureInfo.InvariantCulture,
                $"Killed {i.KilledBest}, injured {i.InjuredBest}. Date: {i.OccurredOn:yyyy-MM-dd} ({i.DatePrecision}).");
            objects.Add(new JsonObject
            {
                ["type"] = "incident", ["spec_version"] = "2.1", ["id"] = incidentId, ["created"] = created, ["modified"] = modified,
                ["created_by_ref"] = identity, ["name"] = i.Title, ["description"] = description.ToString(),
                ["object_marking_refs"] = marking.DeepClone(),
                ["extensions"] = new JsonObject
                {
                    [IncidentCoreExtensionId] = new JsonObject
                    {
                        ["extension_type"] = "property-extension",
                        ["determination"] = "confirmed",
                        ["investigation_status"] = "closed",
                        ["incident_types"] = new JsonArray([.. i.AttackTypes.Select(c => (JsonNode)Slug(GtdCodes.Label(GtdCodes.AttackTypes, c)))]),
                        ["first_seen"] = StixTime(i.OccurredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                        ["last_seen"] = StixTime((i.OccurredUntil ?? i.OccurredOn).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                    },
                },
                ["external_references"] = new JsonArray([.. i.Sources.Select(s => (JsonNode)Reference(s))]),
            });
            if (((JsonArray)objects[^1]!["external_references"]!).Count == 0)
            {
                ((JsonObject)objects[^1]!).Remove("external_references");
            }
            foreach (var group in i.Perpetrators.OrderBy(p => p.Ordinal))
            {
                var actorId = group.StixThreatActorId ?? $"threat-actor--{NameUuid("threat-actor:" + group.Name.ToLowerInvariant())}";
                if (actors.Add(actorId))
                {
                    objects.Add(new JsonObject
                    {
                        ["type"] = "threat-actor", ["spec_version"] = "2.1", ["id"] = actorId, ["created"] = created, ["modified"] = created,
                        ["created_by_ref"] = identity, ["name"] = group.Name, ["threat_actor_types"] = new JsonArray("terrorist"),
                        ["object_marking_refs"] = marking.DeepClone(),
                    });
                }
                objects.Add(Relationship(i, "attributed-to", incidentId, actorId, created, modified, identity, marking, group.Claimed == ClaimStatus.Yes
                    ? "Claimed" + (group.ClaimMode is null ? "" : $" ({group.ClaimMode})") : null));
            }
            if (i.Latitude is { } lat && i.Longitude is { } lon)
            {
                var locationId = $"location--{NameUuid("location:" + i.Id)}";
                var location = new JsonObject
                {
                    ["type"] = "location", ["spec_version"] = "2.1", ["id"] = locationId, ["created"] = created, ["modified"] = modified,
                    ["created_by_ref"] = identity, ["name"] = i.LocationName ?? i.Admin1 ?? i.Country, ["latitude"] = lat, ["longitude"] = lon,
                    ["country"] = i.Country, ["object_marking_refs"] = marking.DeepClone(),
                };
                if (i.Admin1 is not null)
                {
                    location["administrative_area"] = i.Admin1;
                }
                if (i.LocationName is not null)
                {
                    location["city"] = i.LocationName;
                }
                if (i.PlacePrecision != PlacePrecision.Exact)
                {
                    location["precision"] = i.PlacePrecision switch { PlacePrecision.Near => 25_000.0, PlacePrecision.Admin2 => 50_000.0, _ => 200_000.0 };
                }
                objects.Add(location);
                objects.Add(Relationship(i, "located-at", incidentId, locationId, created, modified, identity, marking, null));
            }
        }
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = objects };
        return bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Reference(IncidentSource s)
    {
        var reference = new JsonObject { ["source_name"] = s.Format == SourceFormat.Manual ? s.Name : s.Format.ToString().ToUpperInvariant() };
        if (s.Format != SourceFormat.Manual)
        {
            reference["description"] = s.Name;
        }
        if (s.Url is not null)
        {
            reference["url"] = s.Url;
        }
        if (s.SourceEventId is not null)
        {
            reference["external_id"] = s.SourceEventId;
        }
        return reference;
    }

    private static JsonObject Relationship(Incident i, string type, string source, string target, string created, string modified, string identity,
        JsonArray marking, string? description)
    {
        var relationship = new JsonObject
        {
            ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = $"relationship--{NameUuid($"{type}:{i.Id}:{target}")}", ["created"] = created,
            ["modified"] = modified, ["created_by_ref"] = identity, ["relationship_type"] = type, ["source_ref"] = source, ["target_ref"] = target,
            ["object_marking_refs"] = marking.DeepClone(),
        };
        if (description is not null)
        {
            relationship["description"] = description;
        }
        return relationship;
    }

    private static Guid StixUuid(Guid id) => id.Version is >= 1 and <= 5 ? id : NameUuid("id:" + id);

    private static string StixTime(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Slug(string label) => string.Join('-', label.ToLowerInvariant().Split([' ', '/', '(', ')', '&'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A name-based UUID, so the same name gives the same id: the version-5 layout (STIX identifiers accept versions 1–5)
    /// over the first bytes of the name's SHA-256.
    /// </summary>
    private static Guid NameUuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("jsms-incidents:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
