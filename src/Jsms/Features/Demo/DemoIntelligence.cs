using System.Text.Json.Nodes;
using Jsms.Features.Intelligence;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

/// <summary>
/// STIX 2.1 objects from the seed documents' setting (demo): the car bomb at Karachi airport that killed two Chinese
/// engineers, the report about it, the group that claimed it (generic names), an indicator, the airport as a
/// location and their relationships, in the collection "Karachi airport attack (demo)", owned by PK-NACTA
/// (pk.analyst) with varied markings: identities CLEAR, the location and the intrusion-set GREEN, the report and the
/// threat-actor AMBER released to CN-MPS, the indicator AMBER+STRICT with cn.liaison as named recipient, and a RED note.
/// Imported through the same <see cref="StixImporter"/> as any bundle.
/// </summary>
internal static class DemoIntelligence
{
    public const string CollectionTitle = "Karachi airport attack (demo)";

    private const string Nacta = "identity--eea5719c-fff1-4216-9eea-d3725740402b";
    private const string Mps = "identity--265ea65b-eab8-4b05-928e-f411cdbbf219";
    public const string IntrusionSet = "intrusion-set--2f55feed-e68c-4d09-a99f-124b6be2b527";
    public const string ThreatActor = "threat-actor--222ff62b-c0df-425d-b109-82d3bb2985ed";
    public const string Report = "report--172938b1-20cc-4d44-ad6f-4732447730d3";
    public const string IndicatorId = "indicator--0150a988-48b4-4b99-82e0-04998bd44978";
    public const string Airport = "location--c1be81ab-34ff-4efa-a1d5-f15117dc16d8";
    public const string RedNote = "note--5a60cd41-2838-455a-ba2a-ca62a9f2468d";

    public static async Task SeedAsync(JsmsDbContext db, StixImporter importer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var analystId = await db.Users.Where(u => u.UserName == "pk.analyst").Select(u => u.Id).SingleAsync(cancellationToken);
        var caller = await Caller.ForUserAsync(analystId, db, cancellationToken)
                     ?? throw new InvalidOperationException("pk.analyst has no agency.");
        var (collection, errors) = await new StixCollections(db, importer, clock).CreateAsync(caller,
            new CreateCollectionRequest(CollectionTitle, "The October 2024 car bomb at Karachi airport against Chinese engineers: report, claimants, indicator, location.", "AMBER"));
        if (collection is null)
        {
            throw new InvalidOperationException("Demo collection: " + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        var stored = await db.Set<StixCollection>().AsNoTracking().SingleAsync(c => c.Id == collection.Id, cancellationToken);
        await using var bundle = StixImporter.Envelope(Objects());
        var report = await importer.ImportAsync(caller, stored, bundle, null, cancellationToken);
        if (report.Refused > 0)
        {
            throw new InvalidOperationException("Demo intelligence refused: " + string.Join("; ", report.Failures.Select(f => $"{f.Id}: {f.Reason}")));
        }
    }

    private static JsonObject Sdo(string type, string id, string created, Tlp tlp, string[]? releaseTo = null, string[]? recipients = null)
    {
        var o = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created_by_ref"] = Nacta,
            ["created"] = created,
            ["modified"] = created,
            ["object_marking_refs"] = new JsonArray(StixMarkings.Tlp2Ids[tlp]),
        };
        var release = new JsonObject { ["extension_type"] = "property-extension" };
        if (releaseTo is { Length: > 0 })
        {
            release["release_to"] = new JsonArray([.. releaseTo.Select(r => (JsonNode)JsonValue.Create(r))]);
        }
        if (recipients is { Length: > 0 })
        {
            release["named_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)JsonValue.Create(r))]);
        }
        o["extensions"] = new JsonObject { [StixMarkings.ReleaseExtensionId] = release };
        return o;
    }

    private static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }

    private static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Relationship(string id, string source, string type, string target, Tlp tlp, string[]? releaseTo = null)
        => Sdo("relationship", id, "2024-11-06T09:00:00.000Z", tlp, releaseTo)
            .With("relationship_type", type).With("source_ref", source).With("target_ref", target);

    public static IEnumerable<JsonObject> Objects()
    {
        const string Day = "2024-11-06T08:00:00.000Z";
        string[] china = ["CN-MPS"];
        yield return Sdo("identity", Nacta, "2024-11-01T00:00:00.000Z", Tlp.Clear)
            .With("name", "National Counter Terrorism Authority (PK-NACTA)").With("identity_class", "organization").With("sectors", Strings("government-national"));
        yield return Sdo("identity", Mps, "2024-11-01T00:00:00.000Z", Tlp.Clear)
            .With("name", "Ministry of Public Security (CN-MPS)").With("identity_class", "organization").With("sectors", Strings("government-national"));
        yield return Sdo("location", Airport, Day, Tlp.Green)
            .With("name", "Jinnah International Airport, Karachi").With("region", "southern-asia").With("country", "PK")
            .With("city", "Karachi").With("latitude", 24.9065).With("longitude", 67.1608);
        yield return Sdo("intrusion-set", IntrusionSet, Day, Tlp.Green)
            .With("name", "Southern separatist militant coalition (demo)")
            .With("description", "Coalition of separatist militant groups that claimed the car bomb at Karachi airport; generic demo name.")
            .With("resource_level", "organization").With("primary_motivation", "ideology").With("goals", Strings("Drive Chinese projects out of the province"));
        yield return Sdo("threat-actor", ThreatActor, Day, Tlp.Amber, china)
            .With("name", "Separatist suicide unit (demo)")
            .With("description", "The unit that carried out the attack: a driver with inside help on the convoy's travel details and route.")
            .With("threat_actor_types", Strings("terrorist")).With("roles", Strings("agent")).With("sophistication", "intermediate")
            .With("resource_level", "team").With("primary_motivation", "ideology");
        yield return Sdo("indicator", IndicatorId, Day, Tlp.AmberStrict, recipients: ["cn.liaison"])
            .With("name", "Server contacted by the attack cell's phones (demo address)")
            .With("description", "Address from the phones recovered after the attack; documentation range, demo only.")
            .With("indicator_types", Strings("malicious-activity")).With("pattern", "[ipv4-addr:value = '203.0.113.45']")
            .With("pattern_type", "stix").With("valid_from", "2024-10-06T00:00:00Z");
        yield return Relationship("relationship--138b48b3-b933-43f8-9380-31b66c60bb08", IntrusionSet, "attributed-to", ThreatActor, Tlp.Amber, china);
        yield return Relationship("relationship--05ae3f37-5fae-4340-84b4-b0c4c25a56c7", IntrusionSet, "targets", Airport, Tlp.Green);
        yield return Relationship("relationship--4b0a39fd-f3a0-477a-a744-edcf9e2f87b9", IndicatorId, "indicates", IntrusionSet, Tlp.AmberStrict);
        yield return Relationship("relationship--ae160d2f-107f-405e-9165-d609d43a0f5f", ThreatActor, "targets", Airport, Tlp.Amber, china);
        yield return Sdo("report", Report, Day, Tlp.Amber, china)
            .With("name", "Karachi airport car bomb against Chinese engineers")
            .With("description", "A pick-up truck carrying almost 100 kg of explosives waited unattended for 40 minutes near the airport's "
                + "outer security perimeter, then drove into a vehicle carrying Chinese engineers and officials. Two Chinese engineers, "
                + "returning to a project after a holiday in Thailand, were killed. Investigators believe the attackers had inside help "
                + "with the travel details and the route. The coalition claimed responsibility.")
            .With("report_types", Strings("threat-report", "threat-actor", "location"))
            .With("published", "2024-11-06T08:00:00Z")
            .With("object_refs", Strings(IntrusionSet, ThreatActor, Airport, IndicatorId,
                "relationship--138b48b3-b933-43f8-9380-31b66c60bb08", "relationship--05ae3f37-5fae-4340-84b4-b0c4c25a56c7"));
        yield return Sdo("note", RedNote, Day, Tlp.Red)
            .With("abstract", "Source on the inside help")
            .With("content", "Single human source on who passed the convoy's schedule; not for release beyond the authority.")
            .With("authors", Strings("pk.analyst")).With("object_refs", Strings(Report));
    }
}
