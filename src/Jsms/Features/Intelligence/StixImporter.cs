using System.Text;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Stores STIX objects into a collection (bundle import and TAXII POST): checks each object, maps its
/// marking (TLP reference and the JSMS release extension) onto the JSMS release marking, writes that
/// marking back into the object, and gives each new version a date_added strictly after the previous one.
/// </summary>
internal sealed class StixImporter(JsmsDbContext db, ReleaseMarkings markings, ExchangeGates gates, TimeProvider clock)
{
    /// <summary>Objects stored per SaveChanges: one ownership query and one save per batch (bench/Jsms.IntelBench).</summary>
    private const int BatchSize = 1000;

    /// <summary>Set for objects pulled from another node (<see cref="TaxiiPuller"/>): RED is refused, named recipients are dropped.</summary>
    private bool _fromRemote;

    private readonly StixMarkingWriter _markingWriter = new();

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
                    await store(StixObjectCheck.CheckItems(batch));
                    batch.Clear();
                }
            }
            await store(StixObjectCheck.CheckItems(batch));
            return total;
        }, cancellationToken);

    /// <summary>
    /// Stores a page checked ahead by <see cref="StixObjectCheck.CheckPageAsync"/> (a pulled page: its objects are read and checked while
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

    private async Task<DateTime> StoreBatchAsync(Caller caller, StixCollection collection, List<StixCandidate> candidates, string ownerCode,
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
                Json = _markingWriter.StoredJson(c, marking, ownerCode),
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

    private async ValueTask<(ResolvedMarking?, string?)> ResolveMarkingAsync(StixCandidate c, Tlp defaultTlp, MarkingInput? defaults,
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

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>Reads a JSON text held in memory (e.g. the definitions a new collection starts with).</summary>
    public static Stream Envelope(IEnumerable<JsonObject> objects)
        => new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["objects"] = new JsonArray([.. objects]) }.ToJsonString()));
}
