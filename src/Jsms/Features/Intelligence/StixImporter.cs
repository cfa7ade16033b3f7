using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

public sealed record ImportedObject(string Id, string Version, string Message);

public sealed record RefusedObject(int Index, string? Id, string? Version, string Reason);

/// <summary>What an import did: every accepted version and every refused object with its reason.</summary>
public sealed record ImportReport(int Total, int Accepted, int Refused, IReadOnlyList<ImportedObject> Successes, IReadOnlyList<RefusedObject> Failures);

/// <summary>
/// Stores STIX objects into a collection (bundle import and TAXII POST): checks each object, maps its
/// marking (TLP reference and the JSMS release extension) onto the JSMS release marking, writes that
/// marking back into the object, and gives each new version a date_added strictly after the previous one.
/// </summary>
public sealed partial class StixImporter(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    /// <summary>Objects stored per SaveChanges: one ownership query and one save per batch (bench/Jsms.IntelBench).</summary>
    private const int BatchSize = 1000;

    /// <summary>Serialises writes to collections, so date_added is strictly increasing (one node, one writer).</summary>
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    [GeneratedRegex("^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex StixIdPattern();

    /// <summary>Set for objects pulled from another node (<see cref="TaxiiPuller"/>): RED is refused, named recipients are dropped.</summary>
    private bool _fromRemote;

    public async Task<ImportReport> ImportAsync(Caller caller, StixCollection collection, Stream body, MarkingInput? defaults,
        CancellationToken cancellationToken = default)
        => await ImportAsync(caller, collection, body, defaults, fromRemote: false, cancellationToken);

    /// <summary>
    /// Imports objects; <paramref name="fromRemote"/> marks objects pulled from another JSMS node or TAXII server:
    /// a RED object is refused (RED never leaves its node), and the release extension's named recipients are
    /// dropped (they name users of the other node), its release-to agency codes are kept.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Caller caller, StixCollection collection, Stream body, MarkingInput? defaults,
        bool fromRemote, CancellationToken cancellationToken = default)
    {
        _fromRemote = fromRemote;
        var ownerCode = await db.Set<Agency>().Where(a => a.Id == caller.AgencyId).Select(a => a.Code).SingleAsync(cancellationToken);
        var defaultTlp = collection.DefaultTlp;
        if (defaults?.Tlp is { } label && TlpNames.TryParse(label, out var parsed))
        {
            defaultTlp = parsed;
        }
        var successes = new List<ImportedObject>();
        var failures = new List<RefusedObject>();
        var total = 0;
        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            var last = await db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection.Id)
                .MaxAsync(o => (DateTime?)o.DateAdded, cancellationToken) ?? DateTime.MinValue;
            var batch = new List<BundleItem>(BatchSize);
            var resolved = new Dictionary<string, (ResolvedMarking? Marking, string? Error)>();
            async Task FlushAsync()
            {
                last = await StoreBatchAsync(caller, collection, batch, ownerCode, defaultTlp, defaults, resolved, last, successes, failures, cancellationToken);
                batch.Clear();
            }
            await foreach (var item in BundleReader.ReadAsync(body, cancellationToken))
            {
                total++;
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    await FlushAsync();
                }
            }
            await FlushAsync();
            db.Audit("import", nameof(StixCollection), collection.Id, $"{successes.Count} accepted, {failures.Count} refused");
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            WriteLock.Release();
        }
        return new ImportReport(total, successes.Count, failures.Count, successes, failures);
    }

    private async Task<DateTime> StoreBatchAsync(Caller caller, StixCollection collection, List<BundleItem> batch, string ownerCode,
        Tlp defaultTlp, MarkingInput? defaults, Dictionary<string, (ResolvedMarking?, string?)> resolved, DateTime last,
        List<ImportedObject> successes, List<RefusedObject> failures, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        var rows = new List<StixObjectVersion>(batch.Count);
        var grants = new List<ReleaseGrant>();
        var recipients = new List<NamedRecipient>();
        foreach (var item in batch)
        {
            if (item.Value is not { } element)
            {
                failures.Add(new RefusedObject(item.Index, null, null, item.Error ?? "unreadable"));
                continue;
            }
            var (candidate, error) = Check(item.Index, element);
            if (candidate is null)
            {
                failures.Add(new RefusedObject(item.Index, TryString(element, "id"), null, error!));
                continue;
            }
            candidates.Add(candidate);
        }
        if (candidates.Count == 0)
        {
            return last;
        }

        // Ownership and revocation are checked against every stored version, whoever may read it: like a
        // unique index, this reveals only that the id is already in use (docs/intelligence.md).
        var ids = candidates.Select(c => c.Id).Distinct().ToList();
        // Stored versions by STIX id (a lookup per candidate, not a scan of the batch's versions).
        var existing = (await db.Set<StixObjectVersion>().AsNoTracking()
                .Where(o => o.CollectionId == collection.Id && ids.Contains(o.StixId))
                .Select(o => new { o.StixId, o.Modified, o.OwnerAgencyId, o.Revoked })
                .ToListAsync(cancellationToken))
            .GroupBy(o => o.StixId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => (o.Modified, o.OwnerAgencyId, o.Revoked)).ToList(), StringComparer.Ordinal);

        foreach (var c in candidates)
        {
            var versions = existing.TryGetValue(c.Id, out var stored) ? stored : [];
            if ((c.Modified is { } modified && versions.Any(v => v.Modified == modified)) || (c.Modified is null && versions.Count > 0))
            {
                successes.Add(new ImportedObject(c.Id, c.Version, "already present"));
                continue;
            }
            if (versions.Any(v => v.OwnerAgencyId != caller.AgencyId))
            {
                failures.Add(new RefusedObject(c.Index, c.Id, c.Version, "another agency owns this object: only its owner adds versions"));
                continue;
            }
            if (versions.Any(v => v.Revoked))
            {
                failures.Add(new RefusedObject(c.Index, c.Id, c.Version, "the object is revoked: no further versions are accepted"));
                continue;
            }
            if (_fromRemote && c.Tlp == Tlp.Red)
            {
                failures.Add(new RefusedObject(c.Index, c.Id, c.Version, "a RED object is not accepted from another node"));
                continue;
            }
            var (marking, markingError) = await ResolveMarkingAsync(c, defaultTlp, defaults, resolved);
            if (marking is null)
            {
                failures.Add(new RefusedObject(c.Index, c.Id, c.Version, markingError!));
                continue;
            }

            var dateAdded = NextDateAdded(last);
            last = dateAdded;
            var version = c.Modified is null ? StixTime.Format(dateAdded) : c.Version;
            var row = new StixObjectVersion
            {
                Id = Guid.NewGuid(),
                CollectionId = collection.Id,
                StixId = c.Id,
                Type = c.Type,
                SpecVersion = "2.1",
                Created = c.Created,
                Modified = c.Modified ?? dateAdded,
                Version = version,
                Revoked = c.Revoked,
                DateAdded = dateAdded,
                CreatedByRef = Truncate(c.CreatedByRef, 300),
                Name = Truncate(c.Name, 500),
                SourceRef = Truncate(c.SourceRef, 300),
                TargetRef = Truncate(c.TargetRef, 300),
                SearchText = Truncate($"{c.Name} {c.Description}".Trim().ToLowerInvariant(), 4000),
                Json = c.Type == "marking-definition" ? Compact(c.Element) : Mark(c.Element, marking, ownerCode, c.ReleaseTo, c.Recipients),
            };
            var (rowGrants, rowRecipients) = ReleaseMarkings.MarkNew(row, marking, caller);
            rows.Add(row);
            grants.AddRange(rowGrants);
            recipients.AddRange(rowRecipients);
            if (stored is null)
            {
                existing[c.Id] = stored = [];
            }
            stored.Add((row.Modified, caller.AgencyId, c.Revoked));
            successes.Add(new ImportedObject(c.Id, version, "added"));
        }
        // Past the change tracker (one natively prepared INSERT per table on SQLite, binary COPY on PostgreSQL), with the
        // same "share" audit entries, chained in the same transaction: most of a batch's time was EF Core's SaveChanges.
        await db.InsertReleasableInBulkAsync(rows, grants, recipients, cancellationToken);
        return last;
    }

    private DateTime NextDateAdded(DateTime last)
    {
        var now = StixTime.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        return now > last ? now : last.AddTicks(10);
    }

    private async Task<(ResolvedMarking?, string?)> ResolveMarkingAsync(Candidate c, Tlp defaultTlp, MarkingInput? defaults,
        Dictionary<string, (ResolvedMarking?, string?)> cache)
    {
        var tlp = c.Type == "marking-definition" ? Tlp.Clear : c.Tlp ?? defaultTlp;
        var releaseTo = c.HasReleaseExtension ? c.ReleaseTo : defaults?.ReleaseTo ?? [];
        var recipients = _fromRemote ? [] : c.HasReleaseExtension ? c.Recipients : defaults?.Recipients ?? [];
        var key = $"{tlp}|{string.Join(',', releaseTo)}|{string.Join(',', recipients)}";
        if (!cache.TryGetValue(key, out var result))
        {
            var (marking, errors) = await markings.ResolveAsync(new MarkingInput(tlp.Label(), releaseTo, recipients));
            result = marking is null ? (null, "marking: " + string.Join(" ", errors.Values.SelectMany(v => v))) : (marking, null);
            cache[key] = result;
        }
        c.ReleaseTo = [.. releaseTo.Select(r => r.Trim().ToUpperInvariant()).Distinct().Order()];
        c.Recipients = [.. recipients.Select(r => r.Trim()).Distinct().Order()];
        return result;
    }

    /// <summary>
    /// The object as stored: its properties in their order with the JSMS marking written in, one TLP 2.0 reference in
    /// <c>object_marking_refs</c> (other references kept) and the release extension in <c>extensions</c> (other extensions
    /// kept); either is added at the end when missing. Written straight from the parsed element (no DOM per object).
    /// </summary>
    private static string Mark(JsonElement element, ResolvedMarking marking, string ownerCode, string[] releaseTo, string[] recipients)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            bool wroteRefs = false, wroteExtensions = false;
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("object_marking_refs"))
                {
                    WriteMarkingRefs(w, property.Value, marking.Tlp);
                    wroteRefs = true;
                }
                else if (property.NameEquals("extensions"))
                {
                    WriteExtensions(w, property.Value, ownerCode, releaseTo, recipients);
                    wroteExtensions = true;
                }
                else
                {
                    property.WriteTo(w);
                }
            }
            if (!wroteRefs)
            {
                WriteMarkingRefs(w, default, marking.Tlp);
            }
            if (!wroteExtensions)
            {
                WriteExtensions(w, default, ownerCode, releaseTo, recipients);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMarkingRefs(Utf8JsonWriter w, JsonElement existing, Tlp tlp)
    {
        w.WriteStartArray("object_marking_refs");
        if (existing.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in existing.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String && !StixMarkings.TryTlp(r.GetString()!, out _))
                {
                    r.WriteTo(w);
                }
            }
        }
        w.WriteStringValue(StixMarkings.Tlp2Ids[tlp]);
        w.WriteEndArray();
    }

    private static void WriteExtensions(Utf8JsonWriter w, JsonElement existing, string ownerCode, string[] releaseTo, string[] recipients)
    {
        w.WriteStartObject("extensions");
        if (existing.ValueKind == JsonValueKind.Object)
        {
            foreach (var extension in existing.EnumerateObject())
            {
                if (!extension.NameEquals(StixMarkings.ReleaseExtensionId))
                {
                    extension.WriteTo(w);
                }
            }
        }
        w.WriteStartObject(StixMarkings.ReleaseExtensionId);
        w.WriteString("extension_type", "property-extension");
        w.WriteString("owner_agency", ownerCode);
        // STIX lists must not be empty (schemas/common/properties.json): an empty list is left out.
        if (releaseTo.Length > 0)
        {
            w.WriteStartArray("release_to");
            foreach (var code in releaseTo)
            {
                w.WriteStringValue(code);
            }
            w.WriteEndArray();
        }
        if (recipients.Length > 0)
        {
            w.WriteStartArray("named_recipients");
            foreach (var name in recipients)
            {
                w.WriteStringValue(name);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The element as compact JSON (marking-definitions are stored unchanged).</summary>
    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(w);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class Candidate
    {
        public required int Index { get; init; }
        public required string Id { get; init; }
        public required string Type { get; init; }
        public required JsonElement Element { get; init; }
        public DateTime? Created { get; init; }
        public DateTime? Modified { get; init; }
        public string Version { get; init; } = "";
        public bool Revoked { get; init; }
        public string? CreatedByRef { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        public string? SourceRef { get; init; }
        public string? TargetRef { get; init; }
        public Tlp? Tlp { get; init; }
        public bool HasReleaseExtension { get; init; }
        public string[] ReleaseTo { get; set; } = [];
        public string[] Recipients { get; set; } = [];
    }

    private static (Candidate?, string?) Check(int index, JsonElement element)
    {
        // One pass over the properties (each TryGetProperty is a scan of them); a repeated name keeps its last value, as
        // TryGetProperty does.
        string? type = null, id = null, specVersion = null, createdText = null, modifiedText = null, createdByRef = null,
            name = null, description = null, sourceRef = null, sightingOfRef = null, targetRef = null;
        bool hasCreated = false, revoked = false;
        JsonElement refs = default, extensions = default;
        int refsCount = 0, extensionsCount = 0;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var text = value.ValueKind == JsonValueKind.String ? value : default;
            if (property.NameEquals("type"u8)) { type = Text(text); }
            else if (property.NameEquals("id"u8)) { id = Text(text); }
            else if (property.NameEquals("spec_version"u8)) { specVersion = Text(text); }
            else if (property.NameEquals("created"u8)) { hasCreated = true; createdText = Text(text); }
            else if (property.NameEquals("modified"u8)) { modifiedText = Text(text); }
            else if (property.NameEquals("created_by_ref"u8)) { createdByRef = Text(text); }
            else if (property.NameEquals("name"u8)) { name = Text(text); }
            else if (property.NameEquals("description"u8)) { description = Text(text); }
            else if (property.NameEquals("source_ref"u8)) { sourceRef = Text(text); }
            else if (property.NameEquals("sighting_of_ref"u8)) { sightingOfRef = Text(text); }
            else if (property.NameEquals("target_ref"u8)) { targetRef = Text(text); }
            else if (property.NameEquals("revoked"u8)) { revoked = value.ValueKind == JsonValueKind.True; }
            else if (property.NameEquals("object_marking_refs"u8)) { refs = value; refsCount++; }
            else if (property.NameEquals("extensions"u8)) { extensions = value; extensionsCount++; }
        }
        if (string.IsNullOrEmpty(type))
        {
            return (null, "no 'type'");
        }
        if (id is null || StixIdPattern().Match(id) is not { Success: true } match || match.Groups[1].Value != type)
        {
            return (null, "'id' must be '<type>--<UUID>' with the object's type");
        }
        if (type == "bundle")
        {
            return (null, "a bundle cannot be stored as an object");
        }
        if (specVersion is null && hasCreated)
        {
            return (null, "no 'spec_version': STIX 2.0 objects are not accepted, only STIX 2.1");
        }
        if (specVersion is not null and not "2.1")
        {
            return (null, $"spec_version '{specVersion}' is not accepted, only 2.1");
        }
        DateTime? created = null, modified = null;
        string version = "";
        if (createdText is not null)
        {
            if (!StixTime.TryParse(createdText, out var c))
            {
                return (null, "'created' is not a STIX timestamp");
            }
            created = c;
            version = createdText;
        }
        if (modifiedText is not null)
        {
            if (!StixTime.TryParse(modifiedText, out var m))
            {
                return (null, "'modified' is not a STIX timestamp");
            }
            if (created is { } c2 && m < c2)
            {
                return (null, "'modified' is earlier than 'created'");
            }
            modified = m;
            version = modifiedText;
        }
        else if (hasCreated && type is not ("marking-definition"))
        {
            return (null, "no 'modified': STIX 2.1 domain and relationship objects must have one");
        }
        modified ??= created;

        Tlp? tlp = null;
        if (refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in refs.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String && StixMarkings.TryTlp(r.GetString()!, out var level))
                {
                    tlp = tlp is null || level > tlp ? level : tlp;
                }
            }
        }
        var hasExtension = false;
        string[] releaseTo = [], recipients = [];
        if (extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty(StixMarkings.ReleaseExtensionId, out var release))
        {
            if (release.ValueKind != JsonValueKind.Object)
            {
                return (null, "the JSMS release extension must be an object");
            }
            hasExtension = true;
            releaseTo = StringArray(release, "release_to");
            recipients = StringArray(release, "named_recipients");
        }
        if (refsCount > 1 || extensionsCount > 1)
        {
            return (null, "'object_marking_refs' and 'extensions' may appear only once");
        }
        return (new Candidate
        {
            Index = index,
            Id = id,
            Type = type,
            Element = element,
            Created = created,
            Modified = modified,
            Version = version,
            Revoked = revoked,
            CreatedByRef = createdByRef,
            Name = name,
            Description = description,
            SourceRef = type == "sighting" ? sightingOfRef : sourceRef,
            TargetRef = targetRef,
            Tlp = tlp,
            HasReleaseExtension = hasExtension,
            ReleaseTo = releaseTo,
            Recipients = recipients,
        }, null);
    }

    private static string? Text(JsonElement stringOrDefault) => stringOrDefault.ValueKind == JsonValueKind.String ? stringOrDefault.GetString() : null;

    private static string[] StringArray(JsonElement element, string name)
        => element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static string? TryString(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>Reads a JSON text held in memory (e.g. the definitions a new collection starts with).</summary>
    public static Stream Envelope(IEnumerable<JsonObject> objects)
        => new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["objects"] = new JsonArray([.. objects]) }.ToJsonString()));
}

/// <summary>STIX and TAXII timestamps: RFC 3339 in UTC with a Z; JSMS keeps microseconds.</summary>
public static class StixTime
{
    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (text is null || text.Length < 20 || !text.EndsWith('Z') || text[10] != 'T')
        {
            return false;
        }
        // .NET reads at most 7 fractional digits: drop the rest (finer than JSMS keeps anyway).
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && text.Length - dot - 2 > 7)
        {
            text = text[..(dot + 8)] + "Z";
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }
        value = ToMicroseconds(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        return true;
    }

    public static DateTime ToMicroseconds(DateTime value) => new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);

    /// <summary>The TAXII form of a date_added: microseconds, Z.</summary>
    public static string Format(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
