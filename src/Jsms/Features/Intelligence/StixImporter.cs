using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

public sealed record ImportedObject(string Id, string Version, string Message);

public sealed record RefusedObject(int Index, string? Id, string? Version, string Reason);

/// <summary>What an import did: every accepted version and every refused object with its reason.</summary>
public sealed record ImportReport(int Total, int Accepted, int Refused, IReadOnlyList<ImportedObject> Successes, IReadOnlyList<RefusedObject> Failures);

/// <summary>Objects read and checked without the database (<see cref="StixImporter.CheckPageAsync"/>), ready to be stored.</summary>
internal sealed record CheckedPage(int Total, List<StixImporter.Candidate> Candidates, List<RefusedObject> Failures);

/// <summary>
/// Stores STIX objects into a collection (bundle import and TAXII POST): checks each object, maps its
/// marking (TLP reference and the JSMS release extension) onto the JSMS release marking, writes that
/// marking back into the object, and gives each new version a date_added strictly after the previous one.
/// </summary>
public sealed partial class StixImporter(JsmsDbContext db, ReleaseMarkings markings, ExchangeGates gates, TimeProvider clock)
{
    /// <summary>Objects stored per SaveChanges: one ownership query and one save per batch (bench/Jsms.IntelBench).</summary>
    private const int BatchSize = 1000;

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
    public Task<ImportReport> ImportAsync(Caller caller, StixCollection collection, Stream body, MarkingInput? defaults,
        bool fromRemote, CancellationToken cancellationToken = default)
        => ImportAsync(caller, collection, body, defaults, fromRemote, null, cancellationToken);

    /// <summary>
    /// Imports objects as above. With <paramref name="completeInTransaction"/> (a pulled page, a TAXII POST) the whole
    /// import is one transaction, committed once: every batch with its audit entries, the <c>import</c> entry, and the
    /// changes the callback makes to this context after the objects are stored (a pull's mark, a POST's status resource).
    /// Written whole or not at all, with one commit (one fsync) instead of three. Without it (bundle uploads, possibly
    /// 100 MB read from the request) each batch commits on its own.
    /// </summary>
    public Task<ImportReport> ImportAsync(Caller caller, StixCollection collection, Stream body, MarkingInput? defaults,
        bool fromRemote, Func<ImportReport, Task>? completeInTransaction, CancellationToken cancellationToken = default)
        => ImportCoreAsync(caller, collection, defaults, fromRemote, completeInTransaction, async store =>
        {
            var total = 0;
            var batch = new List<BundleItem>(BatchSize);
            await foreach (var item in BundleReader.ReadAsync(body, cancellationToken))
            {
                total++;
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    await store(CheckItems(batch));
                    batch.Clear();
                }
            }
            await store(CheckItems(batch));
            return total;
        }, cancellationToken);

    /// <summary>
    /// Stores a page checked ahead by <see cref="CheckPageAsync"/> (a pulled page: its objects are read and checked while
    /// the page before is written), like <see cref="ImportAsync(Caller, StixCollection, Stream, MarkingInput?, bool, Func{ImportReport, Task}?, CancellationToken)"/>.
    /// </summary>
    internal Task<ImportReport> ImportAsync(Caller caller, StixCollection collection, CheckedPage page, bool fromRemote,
        Func<ImportReport, Task>? completeInTransaction, CancellationToken cancellationToken = default)
        => ImportCoreAsync(caller, collection, null, fromRemote, completeInTransaction, async store =>
        {
            for (var offset = 0; offset < Math.Max(1, page.Candidates.Count); offset += BatchSize)
            {
                var candidates = page.Candidates.GetRange(offset, Math.Min(BatchSize, page.Candidates.Count - offset));
                await store(new CheckedPage(page.Total, candidates, offset == 0 ? page.Failures : []));
            }
            return page.Total;
        }, cancellationToken);

    /// <summary>
    /// Reads and checks every object of a page or bundle held in memory, without the database: the part of an import that
    /// can run while another page is written (<see cref="TaxiiPuller"/>). A body that is not an envelope throws <see cref="JsonException"/>.
    /// </summary>
    internal static async Task<CheckedPage> CheckPageAsync(PooledBody body, CancellationToken cancellationToken = default)
    {
        var items = new List<BundleItem>();
        await using (var stream = body.OpenRead())
        {
            await foreach (var item in BundleReader.ReadAsync(stream, cancellationToken))
            {
                items.Add(item);
            }
        }
        return CheckItems(items);
    }

    private async Task<ImportReport> ImportCoreAsync(Caller caller, StixCollection collection, MarkingInput? defaults, bool fromRemote,
        Func<ImportReport, Task>? completeInTransaction, Func<Func<CheckedPage, Task>, Task<int>> read, CancellationToken cancellationToken)
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
        await gates.Import.WaitAsync(cancellationToken);
        try
        {
            // The audit lock is taken after the import lock, as every import's bulk write takes them, and held until the
            // commit (JsmsDbContext.HoldAuditLockAsync): no other save chains onto a head this transaction has not committed.
            await using var auditLock = completeInTransaction is null ? null : await db.HoldAuditLockAsync(cancellationToken);
            await using var transaction = completeInTransaction is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            var last = await db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection.Id)
                .MaxAsync(o => (DateTime?)o.DateAdded, cancellationToken) ?? DateTime.MinValue;
            var resolved = new Dictionary<string, ResolvedEntry>();
            var total = await read(async batch =>
            {
                failures.AddRange(batch.Failures);
                last = await StoreBatchAsync(caller, collection, batch.Candidates, ownerCode, defaultTlp, defaults, resolved, last, successes, failures, cancellationToken);
            });
            var report = new ImportReport(total, successes.Count, failures.Count, successes, failures);
            db.Audit("import", nameof(StixCollection), collection.Id, $"{successes.Count} accepted, {failures.Count} refused");
            if (completeInTransaction is not null)
            {
                await completeInTransaction(report);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return report;
        }
        finally
        {
            gates.Import.Release();
        }
    }

    /// <summary>Checks read objects: the candidates to store and the objects refused by their content alone.</summary>
    private static CheckedPage CheckItems(List<BundleItem> batch)
    {
        var candidates = new List<Candidate>(batch.Count);
        var failures = new List<RefusedObject>();
        foreach (var item in batch)
        {
            if (item.Json is not { } json)
            {
                failures.Add(new RefusedObject(item.Index, null, null, item.Error ?? "unreadable"));
                continue;
            }
            var (candidate, error, id) = Check(item.Index, json);
            if (candidate is null)
            {
                failures.Add(new RefusedObject(item.Index, id, null, error!));
                continue;
            }
            candidates.Add(candidate);
        }
        return new CheckedPage(batch.Count, candidates, failures);
    }

    private async Task<DateTime> StoreBatchAsync(Caller caller, StixCollection collection, List<Candidate> candidates, string ownerCode,
        Tlp defaultTlp, MarkingInput? defaults, Dictionary<string, ResolvedEntry> resolved, DateTime last,
        List<ImportedObject> successes, List<RefusedObject> failures, CancellationToken cancellationToken)
    {
        var rows = new List<StixObjectVersion>(candidates.Count);
        var grants = new List<ReleaseGrant>();
        var recipients = new List<NamedRecipient>();
        if (candidates.Count == 0)
        {
            return last;
        }

        // Ownership and revocation are checked against every stored version, whoever may read it: like a
        // unique index, this reveals only that the id is already in use (docs/intelligence.md).
        var ids = candidates.Select(c => c.Id).Distinct().ToList();
        // Stored versions by STIX id (a lookup per candidate, not a scan of the batch's versions). The ids go as ONE array
        // parameter (json_each on SQLite, an array on PostgreSQL): EF Core 10's default, one parameter per id, made a
        // batch of 1,000 a statement of 1,000 parameters that Microsoft.Data.Sqlite binds by name, each a scan of the
        // 1,000 names (perf: 10% of a pull's CPU, docs/intelligence.md).
        var existing = (await db.Set<StixObjectVersion>().AsNoTracking()
                .Where(o => o.CollectionId == collection.Id && EF.Parameter(ids).Contains(o.StixId))
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
            if (_fromRemote && c.Tlp is { } received && !ExchangePolicy.AcceptedFromAnotherNode(received))
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
                // Time-ordered (UUIDv7): the row, its grants, recipients and audit entries append to the right edge of
                // their key B-trees instead of a random page each (docs/decisions/0012-exchange-write-path.md).
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
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
                Json = StoredJson(c, marking, ownerCode),
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

    /// <summary>A marking as resolved once per import, with its release-to codes and recipients as written into objects.</summary>
    private sealed record ResolvedEntry(ResolvedMarking? Marking, string? Error, string[] ReleaseTo, string[] Recipients);

    private async ValueTask<(ResolvedMarking?, string?)> ResolveMarkingAsync(Candidate c, Tlp defaultTlp, MarkingInput? defaults,
        Dictionary<string, ResolvedEntry> cache)
    {
        var tlp = c.Type == "marking-definition" ? Tlp.Clear : c.Tlp ?? defaultTlp;
        var releaseTo = c.HasReleaseExtension ? c.ReleaseTo : defaults?.ReleaseTo ?? [];
        var recipients = _fromRemote ? [] : c.HasReleaseExtension ? c.Recipients : defaults?.Recipients ?? [];
        var key = $"{tlp}|{string.Join(',', releaseTo)}|{string.Join(',', recipients)}";
        // The lists are normalised once per distinct marking of the import, not per object (read-only afterwards).
        if (!cache.TryGetValue(key, out var entry))
        {
            var (marking, errors) = await markings.ResolveAsync(new MarkingInput(tlp.Label(), releaseTo, recipients));
            entry = new ResolvedEntry(marking, marking is null ? "marking: " + string.Join(" ", errors.Values.SelectMany(v => v)) : null,
                [.. releaseTo.Select(r => r.Trim().ToUpperInvariant()).Distinct().Order()], [.. recipients.Select(r => r.Trim()).Distinct().Order()]);
            cache[key] = entry;
        }
        c.ReleaseTo = entry.ReleaseTo;
        c.Recipients = entry.Recipients;
        return (entry.Marking, entry.Error);
    }

    /// <summary>
    /// The JSON stored for a version: the bytes as received when their marking is already exactly what <see cref="Mark"/>
    /// would write (one TLP 2.0 reference, of the resolved level; the release extension with this owner and the normalised
    /// lists, nothing else in it), so a page pulled from another JSMS node is stored without rewriting each object;
    /// otherwise the object with the marking written in. Marking-definitions are stored unchanged (compacted).
    /// </summary>
    private string StoredJson(Candidate c, ResolvedMarking marking, string ownerCode)
    {
        if (c.Type != "marking-definition" && c.ReceivedTlpRef == StixMarkings.Tlp2Ids[marking.Tlp] && c.ReceivedExtensionExact
            && c.ReceivedOwner == ownerCode && c.ReceivedReleaseTo.AsSpan().SequenceEqual(c.ReleaseTo)
            && c.ReceivedRecipients.AsSpan().SequenceEqual(c.Recipients))
        {
            return Encoding.UTF8.GetString(c.Raw);
        }
        using var document = JsonDocument.Parse(c.Raw);
        return c.Type == "marking-definition"
            ? Compact(document.RootElement)
            : Mark(document.RootElement, marking, ownerCode, c.ReleaseTo, c.Recipients);
    }

    /// <summary>
    /// The object as stored: its properties in their order with the JSMS marking written in, one TLP 2.0 reference in
    /// <c>object_marking_refs</c> (other references kept) and the release extension in <c>extensions</c> (other extensions
    /// kept); either is added at the end when missing. Written straight from the parsed element (no DOM per object).
    /// </summary>
    private string Mark(JsonElement element, ResolvedMarking marking, string ownerCode, string[] releaseTo, string[] recipients)
    {
        // One buffer and writer for the whole import, reset per object (an import runs on one thread at a time).
        var buffer = _markBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var w = _markWriter ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        w.WriteStartObject();
        bool wroteRefs = false, wroteExtensions = false;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("object_marking_refs"u8))
            {
                WriteMarkingRefs(w, property.Value, marking.Tlp);
                wroteRefs = true;
            }
            else if (property.NameEquals("extensions"u8))
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
        w.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private ArrayBufferWriter<byte>? _markBuffer;

    private Utf8JsonWriter? _markWriter;

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

    internal sealed class Candidate
    {
        public required int Index { get; init; }
        public required string Id { get; init; }
        public required string Type { get; init; }
        /// <summary>The object's bytes as received.</summary>
        public required byte[] Raw { get; init; }
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

        /// <summary>The one TLP reference of <c>object_marking_refs</c> if it has exactly one and only string entries, else null.</summary>
        public string? ReceivedTlpRef { get; init; }

        /// <summary>The release extension appears once and holds extension_type "property-extension", owner_agency and non-empty string lists only, each once.</summary>
        public bool ReceivedExtensionExact { get; init; }

        public string? ReceivedOwner { get; init; }
        public string[] ReceivedReleaseTo { get; init; } = [];
        public string[] ReceivedRecipients { get; init; } = [];
    }

    /// <summary>What the JSMS release extension of a received object says, read in the same pass as its other fields.</summary>
    private struct ReceivedRelease
    {
        public int Count;
        public bool IsObject;
        public bool Exact;
        public string? Owner;
        public string[] ReleaseTo;
        public string[] Recipients;
    }

    /// <summary>
    /// Checks one received object and reads the fields JSMS stores in one pass of a <see cref="Utf8JsonReader"/> over its
    /// bytes (no document per object). A repeated name keeps its last value.
    /// </summary>
    private static (Candidate?, string? Error, string? Id) Check(int index, byte[] raw)
    {
        string? type = null, id = null, specVersion = null, createdText = null, modifiedText = null, createdByRef = null,
            name = null, description = null, sourceRef = null, sightingOfRef = null, targetRef = null;
        bool hasCreated = false, revoked = false;
        int refsCount = 0, extensionsCount = 0, tlpRefs = 0;
        Tlp? tlp = null;
        string? tlpRef = null;
        var refsPlain = false;
        var release = new ReceivedRelease { ReleaseTo = [], Recipients = [] };
        try
        {
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8)) { type = ReadText(ref reader); }
                else if (reader.ValueTextEquals("id"u8)) { id = ReadText(ref reader); }
                else if (reader.ValueTextEquals("spec_version"u8)) { specVersion = ReadText(ref reader); }
                else if (reader.ValueTextEquals("created"u8)) { hasCreated = true; createdText = ReadText(ref reader); }
                else if (reader.ValueTextEquals("modified"u8)) { modifiedText = ReadText(ref reader); }
                else if (reader.ValueTextEquals("created_by_ref"u8)) { createdByRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("name"u8)) { name = ReadText(ref reader); }
                else if (reader.ValueTextEquals("description"u8)) { description = ReadText(ref reader); }
                else if (reader.ValueTextEquals("source_ref"u8)) { sourceRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("sighting_of_ref"u8)) { sightingOfRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("target_ref"u8)) { targetRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("revoked"u8))
                {
                    reader.Read();
                    revoked = reader.TokenType == JsonTokenType.True;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("object_marking_refs"u8))
                {
                    refsCount++;
                    ReadMarkingRefs(ref reader, out tlp, out tlpRefs, out tlpRef, out refsPlain);
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    extensionsCount++;
                    ReadExtensions(ref reader, ref release);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8 (the syntax was checked when the bundle was read).
            return (null, "a text value is not valid UTF-8", id);
        }
        if (string.IsNullOrEmpty(type))
        {
            return (null, "no 'type'", id);
        }
        // The pattern's first group is all but the last 38 characters ("--" and the UUID): compared without a Match object.
        if (id is null || !StixIdPattern().IsMatch(id) || id.Length != type.Length + 38 || !id.StartsWith(type, StringComparison.Ordinal))
        {
            return (null, "'id' must be '<type>--<UUID>' with the object's type", id);
        }
        if (type == "bundle")
        {
            return (null, "a bundle cannot be stored as an object", id);
        }
        if (specVersion is null && hasCreated)
        {
            return (null, "no 'spec_version': STIX 2.0 objects are not accepted, only STIX 2.1", id);
        }
        if (specVersion is not null and not "2.1")
        {
            return (null, $"spec_version '{specVersion}' is not accepted, only 2.1", id);
        }
        DateTime? created = null, modified = null;
        string version = "";
        if (createdText is not null)
        {
            if (!StixTime.TryParse(createdText, out var c))
            {
                return (null, "'created' is not a STIX timestamp", id);
            }
            created = c;
            version = createdText;
        }
        if (modifiedText is not null)
        {
            if (!StixTime.TryParse(modifiedText, out var m))
            {
                return (null, "'modified' is not a STIX timestamp", id);
            }
            if (created is { } c2 && m < c2)
            {
                return (null, "'modified' is earlier than 'created'", id);
            }
            modified = m;
            version = modifiedText;
        }
        else if (hasCreated && type is not ("marking-definition"))
        {
            return (null, "no 'modified': STIX 2.1 domain and relationship objects must have one", id);
        }
        modified ??= created;
        if (release.Count > 0 && !release.IsObject)
        {
            return (null, "the JSMS release extension must be an object", id);
        }
        if (refsCount > 1 || extensionsCount > 1)
        {
            return (null, "'object_marking_refs' and 'extensions' may appear only once", id);
        }
        var hasExtension = release.Count > 0;
        return (new Candidate
        {
            Index = index,
            Id = id,
            Type = type,
            Raw = raw,
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
            ReleaseTo = release.ReleaseTo,
            Recipients = release.Recipients,
            ReceivedTlpRef = refsPlain && tlpRefs == 1 ? tlpRef : null,
            ReceivedExtensionExact = release.Count == 1 && release.Exact,
            ReceivedOwner = release.Owner,
            ReceivedReleaseTo = release.ReleaseTo,
            ReceivedRecipients = release.Recipients,
        }, null, id);
    }

    /// <summary>Reads the value after a property name: its text if it is a string, else null (the value is skipped).</summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    /// <summary>
    /// <c>object_marking_refs</c>: the most restrictive TLP it references (1.0 or 2.0 ids), how many TLP references it has,
    /// the last of them, and whether every entry is a string (what <see cref="Mark"/> would keep unchanged).
    /// </summary>
    private static void ReadMarkingRefs(ref Utf8JsonReader reader, out Tlp? tlp, out int tlpRefs, out string? tlpRef, out bool plain)
    {
        tlp = null;
        tlpRefs = 0;
        tlpRef = null;
        reader.Read();
        plain = reader.TokenType == JsonTokenType.StartArray;
        if (!plain)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                plain = false;
                reader.Skip();
                continue;
            }
            var text = reader.GetString()!;
            if (StixMarkings.TryTlp(text, out var level))
            {
                tlp = tlp is null || level > tlp ? level : tlp;
                tlpRefs++;
                tlpRef = text;
            }
        }
    }

    /// <summary><c>extensions</c>: the JSMS release extension (the last one if repeated), what it says and whether it is exactly what JSMS writes.</summary>
    private static void ReadExtensions(ref Utf8JsonReader reader, ref ReceivedRelease release)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(StixMarkings.ReleaseExtensionId))
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            release.Count++;
            reader.Read();
            release.IsObject = reader.TokenType == JsonTokenType.StartObject;
            release.ReleaseTo = [];
            release.Recipients = [];
            release.Owner = null;
            if (!release.IsObject)
            {
                reader.Skip();
                continue;
            }
            bool exact = true, typed = false;
            int types = 0, owners = 0, releaseLists = 0, recipientLists = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("extension_type"u8))
                {
                    types++;
                    typed = ReadText(ref reader) == "property-extension";
                }
                else if (reader.ValueTextEquals("owner_agency"u8))
                {
                    owners++;
                    release.Owner = ReadText(ref reader);
                }
                else if (reader.ValueTextEquals("release_to"u8))
                {
                    releaseLists++;
                    release.ReleaseTo = ReadStrings(ref reader, ref exact);
                }
                else if (reader.ValueTextEquals("named_recipients"u8))
                {
                    recipientLists++;
                    release.Recipients = ReadStrings(ref reader, ref exact);
                }
                else
                {
                    exact = false;
                    reader.Read();
                    reader.Skip();
                }
            }
            // Exactly what Mark writes: the type, the owner, and each list only when it is not empty, every name once.
            release.Exact = exact && typed && types == 1 && owners == 1 && release.Owner is not null
                && releaseLists == (release.ReleaseTo.Length > 0 ? 1 : 0) && recipientLists == (release.Recipients.Length > 0 ? 1 : 0);
        }
    }

    /// <summary>The strings of an array (other entries are ignored and make the marking not exact); not an array: none.</summary>
    private static string[] ReadStrings(ref Utf8JsonReader reader, ref bool exact)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            exact = false;
            reader.Skip();
            return [];
        }
        List<string>? values = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                (values ??= []).Add(reader.GetString()!);
            }
            else
            {
                exact = false;
                reader.Skip();
            }
        }
        return values is null ? [] : [.. values];
    }

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
        // The form every STIX producer writes (yyyy-MM-ddTHH:mm:ss[.fff...]Z) read directly: DateTime.TryParse was the
        // largest part of the importer's checks. Anything else takes the general parse below, as before.
        if (TryParseExactUtc(text, out value))
        {
            return true;
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

    private static bool TryParseExactUtc(string text, out DateTime value)
    {
        value = default;
        if (text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        long fraction = 0;
        if (text.Length > 20)
        {
            // ".", at least one digit, the Z; digits past the seventh (finer than a tick) are dropped, like the general parse.
            if (text[19] != '.' || text.Length == 21)
            {
                return false;
            }
            var scale = TimeSpan.TicksPerSecond;
            for (var i = 20; i < text.Length - 1; i++)
            {
                var digit = text[i] - '0';
                if (digit is < 0 or > 9)
                {
                    return false;
                }
                if (scale > 1)
                {
                    scale /= 10;
                    fraction += digit * scale;
                }
            }
        }
        value = ToMicroseconds(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction));
        return true;
    }

    private static bool Digits(string text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }
            number = number * 10 + digit;
        }
        return true;
    }

    public static DateTime ToMicroseconds(DateTime value) => new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);

    /// <summary>The TAXII form of a date_added: microseconds, Z.</summary>
    public static string Format(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
