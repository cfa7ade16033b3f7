using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// Imports a GTD, ACLED or UCDP GED CSV file into the register (docs/incidents.md, "Import"), for the API, the import page
/// and <c>jsms incidents import</c>. The file is read as a stream, row by row; every problem of every row is collected and,
/// when there is one, nothing is stored. An event is identified by its data set and its event id among the incidents of the
/// caller's agency (the (format, id) of its source record): new events are added, known ones whose content changed get a
/// new version (as an edit in the register would), unchanged ones are left alone. A known event whose row has the
/// fingerprint stored on its source record (<see cref="IncidentDiff.ContentHash"/>) is unchanged without being loaded; the
/// others are loaded by chunks of ids and compared in full. New incidents and their children go in by bulk insert, and all
/// of it is one transaction.
/// </summary>
internal sealed class IncidentImporter(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    /// <summary>An import that adds or corrects this many incidents has the database count the register again.</summary>
    private const int AnalyzeAfterRows = 1000;

    /// <summary>Problems reported before the import stops reading: enough to fix a file's systematic error, not a flood.</summary>
    public const int MaxErrors = 100;

    private const int Chunk = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The file read and checked, nothing stored.</summary>
    internal sealed record ParsedFile(IReadOnlyList<string> Header, List<string> Missing, List<ImportedEvent> Events, List<ImportRowError> Errors, int Rows);

    public static async Task<ParsedFile> ParseAsync(Stream file, IncidentFileFormat format, DateOnly today, int? maxRows = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvRecordReader(text);
        var errors = new List<ImportRowError>();
        var events = new List<ImportedEvent>();
        var fields = new List<string>();
        try
        {
            if (!csv.TryRead(fields))
            {
                errors.Add(new ImportRowError(1, "file", "empty: no header row"));
                return new ParsedFile([], [], events, errors, 0);
            }
            var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                columns.TryAdd(header[i], i);
            }
            var missing = format.RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
            foreach (var column in missing)
            {
                errors.Add(new ImportRowError(1, column, $"the {format.Name} column '{column}' is missing from the header"));
            }
            if (missing.Count > 0)
            {
                return new ParsedFile(header, missing, events, errors, 0);
            }
            var row = new ImportRow(columns, errors);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = 0;
            while ((maxRows is null || rows < maxRows) && errors.Count < MaxErrors && csv.TryRead(fields))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (fields.Count == 1 && fields[0].Length == 0)
                {
                    continue;
                }
                rows++;
                row.Load(fields, csv.RecordLine);
                if (fields.Count != header.Count)
                {
                    row.Fail("row", $"{fields.Count} fields where the header has {header.Count}");
                    continue;
                }
                if (format.Map(row, today) is not { } imported)
                {
                    continue;
                }
                if (seen.TryGetValue(imported.EventId, out var first))
                {
                    row.Fail(format.RequiredColumns[0], $"event {imported.EventId} is also on line {first}");
                    continue;
                }
                seen[imported.EventId] = row.Line;
                // The register's own checks, for what the format's reading leaves to them (lengths, code lists, estimates).
                foreach (var (field, problems) in IncidentInput.Check(imported.Request, today))
                {
                    row.Fail(field, string.Join(" ", problems));
                }
                if (row.ErrorCount == 0)
                {
                    events.Add(imported);
                }
                if (rows % 50_000 == 0)
                {
                    progress?.Report($"{rows:N0} rows read");
                }
            }
            return new ParsedFile(header, [], events, errors, rows);
        }
        catch (CsvFormatException e)
        {
            errors.Add(new ImportRowError(e.Line, "file", e.Message));
            return new ParsedFile([], [], events, errors, events.Count);
        }
    }

    public static async Task<ImportPreviewDto> PreviewAsync(Stream file, IncidentFileFormat format, DateOnly today, int rows = 10)
    {
        var parsed = await ParseAsync(file, format, today, rows);
        var columns = parsed.Header.Select(h => new ColumnMappingDto(h, format.Mapping.GetValueOrDefault(h))).ToList();
        return new ImportPreviewDto(format.Name, columns, parsed.Missing, [.. parsed.Events.Select(e => Preview(e))], parsed.Errors);
    }

    private static ImportPreviewRowDto Preview(ImportedEvent e)
    {
        var r = e.Request;
        return new ImportPreviewRowDto(e.Line, e.EventId, r.Title ?? "", r.OccurredOn, r.DatePrecision, r.Country, r.Admin1, r.LocationName, r.PlacePrecision,
            [.. (r.AttackTypes ?? []).Select(c => GtdCodes.Label(GtdCodes.AttackTypes, c))], [.. (r.Perpetrators ?? []).Select(p => p.Name ?? "")],
            (r.Casualties ?? []).Sum(c => c.KilledBest ?? 0), (r.Casualties ?? []).Sum(c => c.InjuredBest ?? 0), r.Sources?.FirstOrDefault()?.Name ?? "");
    }

    /// <summary>
    /// Imports the file for the caller (a writer: the API and the page check before reading). New incidents get
    /// <paramref name="marking"/> (default AMBER, owner the caller's agency); updated ones keep theirs.
    /// </summary>
    public async Task<(ImportOutcomeDto? Outcome, Dictionary<string, string[]>? MarkingErrors)> ImportAsync(Caller caller, IncidentFileFormat format,
        Stream file, MarkingInput? marking, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var (resolved, markingErrors) = await markings.ResolveAsync(marking);
        if (resolved is null)
        {
            return (null, markingErrors);
        }
        var today = DateOnly.FromDateTime(Now);
        var parsed = await ParseAsync(file, format, today, null, progress, cancellationToken);
        if (parsed.Errors.Count > 0)
        {
            return (new ImportOutcomeDto(format.Name, parsed.Rows, false, [], [], [], parsed.Errors), null);
        }
        progress?.Report($"{parsed.Rows:N0} rows read, checking against the register");

        // The events of this data set the caller's agency already holds, with the fingerprint of the row they were imported
        // from, in one query.
        var existing = await db.Set<IncidentSource>().AsNoTracking()
            .Where(s => s.Format == format.Format && s.SourceEventId != null)
            .Join(db.Writable<Incident>(caller).Where(i => i.DeletedAt == null), s => s.IncidentId, i => i.Id, (s, i) => new { s.SourceEventId, i.Id, s.ContentHash })
            .ToListAsync(cancellationToken);
        var known = new Dictionary<string, (Guid Id, string? Hash)>(StringComparer.Ordinal);
        foreach (var e in existing)
        {
            known.TryAdd(e.SourceEventId!, (e.Id, e.ContentHash));
        }

        var added = new List<ImportedEventDto>();
        var updated = new List<ImportedEventDto>();
        var unchanged = new List<ImportedEventDto>();
        var fresh = new List<ImportedEvent>();
        var again = new List<ImportedEvent>();
        var hashes = new Dictionary<string, string>(parsed.Events.Count, StringComparer.Ordinal);
        foreach (var e in parsed.Events)
        {
            var hash = hashes[e.EventId] = IncidentDiff.ContentHash(e.Request);
            if (!known.TryGetValue(e.EventId, out var held))
            {
                fresh.Add(e);
            }
            else if (held.Hash == hash)
            {
                // The same row as the one imported: nothing to load or compare.
                unchanged.Add(new ImportedEventDto(e.EventId, e.Line, held.Id));
            }
            else
            {
                again.Add(e);
            }
        }

        var describe = await DescriberAsync(caller, resolved);
        var changed = new List<(Guid Id, IncidentRequest Request, ImportedEventDto Event)>();
        // Events found unchanged only by comparing them in full (no fingerprint yet, or one from an older mapping): given the
        // file's fingerprint, so the next re-import skips them too. Not a change of the incident: no version.
        var refingerprint = new List<(Guid Id, string EventId)>();
        for (var offset = 0; offset < again.Count; offset += Chunk)
        {
            var chunk = again.Skip(offset).Take(Chunk).ToList();
            var ids = chunk.Select(e => known[e.EventId].Id).ToList();
            var current = await WithChildren(db.Writable<Incident>(caller).AsNoTracking()).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var e in chunk)
            {
                var incident = current[known[e.EventId].Id];
                var request = Merged(e.Request, incident, format.Format);
                var probe = new Incident { Id = incident.Id };
                IncidentInput.Apply(probe, request);
                if (Comparable(probe) == Comparable(incident))
                {
                    unchanged.Add(new ImportedEventDto(e.EventId, e.Line, incident.Id));
                    refingerprint.Add((incident.Id, e.EventId));
                }
                else
                {
                    changed.Add((incident.Id, request, new ImportedEventDto(e.EventId, e.Line, incident.Id)));
                }
            }
        }

        await using var hold = await db.HoldAuditLockAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var offset = 0; offset < changed.Count; offset += Chunk)
        {
            var chunk = changed.Skip(offset).Take(Chunk).ToList();
            var ids = chunk.Select(c => c.Id).ToList();
            var tracked = await WithChildren(db.Writable<Incident>(caller)).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var marks = await markings.DescribeAsync([.. tracked.Values.Select(i => (i.Id, i.OwnerAgencyId, i.Tlp))]);
            foreach (var (id, request, imported) in chunk)
            {
                var incident = tracked[id];
                var before = IncidentDiff.Snapshot(IncidentsService.ToDto(incident, marks[id]));
                var kept = incident.Casualties.ToDictionary(c => c.VictimClass);
                IncidentInput.Apply(incident, request);
                // A class counted before and now is the same row (keyed by the class): change it rather than add a second.
                incident.Casualties = [.. incident.Casualties.Select(c => kept.TryGetValue(c.VictimClass, out var row) ? CopyInto(c, row) : c)];
                // The new groups and sources carry their ids already: said to be new, or EF Core would take them for stored rows to update.
                foreach (var group in incident.Perpetrators)
                {
                    db.Entry(group).State = EntityState.Added;
                }
                foreach (var source in incident.Sources)
                {
                    db.Entry(source).State = EntityState.Added;
                }
                Fingerprint(incident, format.Format, imported.EventId, hashes[imported.EventId]);
                incident.Version++;
                incident.UpdatedAt = Now;
                var after = IncidentDiff.Snapshot(IncidentsService.ToDto(incident, marks[id]));
                var fields = IncidentDiff.ChangedFields(before, after);
                fields.Add($"imported from {format.Name}");
                db.Add(Version(caller, incident, fields, after.GetRawText()));
                updated.Add(imported);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (changed.Count > 0)
        {
            progress?.Report($"{changed.Count:N0} changed events updated");
        }
        foreach (var (id, eventId) in refingerprint)
        {
            var hash = hashes[eventId];
            await db.Set<IncidentSource>().Where(s => s.IncidentId == id && s.Format == format.Format && s.SourceEventId == eventId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ContentHash, hash), cancellationToken);
        }

        var incidents = new List<Incident>(fresh.Count);
        var grants = new List<ReleaseGrant>();
        var recipients = new List<NamedRecipient>();
        var versions = new List<IncidentVersion>(fresh.Count);
        foreach (var e in fresh)
        {
            // Time-ordered ids: the rows append to the right edge of their key B-trees.
            var incident = new Incident { Id = Guid.CreateVersion7(clock.GetUtcNow()), Version = 1, CreatedAt = Now, UpdatedAt = Now };
            IncidentInput.Apply(incident, e.Request);
            Fingerprint(incident, format.Format, e.EventId, hashes[e.EventId]);
            var (g, r) = ReleaseMarkings.MarkNew(incident, resolved, caller);
            grants.AddRange(g);
            recipients.AddRange(r);
            var snapshot = JsonSerializer.Serialize(IncidentsService.ToDto(incident, describe), IncidentsService.SnapshotJson);
            versions.Add(Version(caller, incident, ["created", $"imported from {format.Name}"], snapshot));
            incidents.Add(incident);
            added.Add(new ImportedEventDto(e.EventId, e.Line, incident.Id));
        }
        if (incidents.Count > 0)
        {
            progress?.Report($"writing {incidents.Count:N0} new incidents");
            await db.InsertReleasableInBulkAsync(incidents, grants, recipients, cancellationToken);
            await BulkInsert.InsertAsync(db, [.. incidents.SelectMany(i => i.Perpetrators)], cancellationToken);
            await BulkInsert.InsertAsync(db, [.. incidents.SelectMany(i => i.Casualties)], cancellationToken);
            await BulkInsert.InsertAsync(db, [.. incidents.SelectMany(i => i.Sources)], cancellationToken);
            await BulkInsert.InsertAsync(db, versions, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (added.Count + updated.Count >= AnalyzeAfterRows && db.Database.IsNpgsql())
        {
            // PostgreSQL's planner keeps the row counts of before the import until autovacuum comes by (a minute or
            // more): the first statistics after a large import would be planned for an empty register (a sort that
            // spills to disk instead of the statistics index). Counting now costs about a second per 200,000 rows.
            progress?.Report("updating the database's statistics of the register");
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Incidents\"", cancellationToken);
        }
        progress?.Report($"{added.Count:N0} added, {updated.Count:N0} updated, {unchanged.Count:N0} unchanged");
        return (new ImportOutcomeDto(format.Name, parsed.Rows, true, added, updated, [.. unchanged.OrderBy(u => u.Line)], []), null);
    }

    private static IQueryable<Incident> WithChildren(IQueryable<Incident> incidents)
        => incidents.Include(i => i.Perpetrators).Include(i => i.Casualties).Include(i => i.Sources).AsSplitQuery();

    /// <summary>
    /// The imported event laid over the incident that holds it: the data set's sources replaced by the file's, the others
    /// (typed in, merged from another data set) kept, as are the links and the groups' STIX ids, which the file does not carry.
    /// </summary>
    private static IncidentRequest Merged(IncidentRequest imported, Incident incident, SourceFormat format)
    {
        var others = incident.Sources.Where(s => s.Format != format)
            .Select(s => new SourceInput(s.Name, s.Url, s.PublishedOn, s.Format, s.SourceEventId, s.Killed, s.Injured));
        var actors = incident.Perpetrators.Where(p => p.StixThreatActorId is not null)
            .ToDictionary(p => p.Name, p => p.StixThreatActorId, StringComparer.OrdinalIgnoreCase);
        return imported with
        {
            Sources = [.. imported.Sources ?? [], .. others],
            Perpetrators = [.. (imported.Perpetrators ?? []).Select(p => p with { StixThreatActorId = actors.GetValueOrDefault(p.Name ?? "") })],
            SiteIds = [.. incident.SiteIds],
            PersonIds = [.. incident.PersonIds],
            AlertIds = [.. incident.AlertIds],
            StixIds = [.. incident.StixIds],
            Project = incident.Project,
        };
    }

    /// <summary>The incident's content as JSON, without its bookkeeping (version, times, marking), to tell a changed event.</summary>
    private static string Comparable(Incident i)
    {
        var dto = IncidentsService.ToDto(i, new MarkingDto("", "", [], [])) with
        {
            Version = 0, CreatedAt = default, UpdatedAt = default, DeletedAt = null, MergedIntoId = null,
            // The register lists sources by date then name; the same name twice would leave their order to chance.
            Sources = [.. i.Sources.Select(s => new SourceDto(s.Name, s.Url, s.PublishedOn, s.Format, s.SourceEventId, s.Killed, s.Injured))
                .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.SourceEventId, StringComparer.Ordinal)],
        };
        return JsonSerializer.Serialize(dto, IncidentsService.SnapshotJson);
    }

    /// <summary>The fingerprint of the file's row on the data set's source record of the event.</summary>
    private static void Fingerprint(Incident incident, SourceFormat format, string eventId, string hash)
    {
        foreach (var source in incident.Sources.Where(s => s.Format == format && s.SourceEventId == eventId))
        {
            source.ContentHash = hash;
        }
    }

    private static IncidentCasualty CopyInto(IncidentCasualty from, IncidentCasualty to)
    {
        (to.KilledLow, to.KilledBest, to.KilledHigh) = (from.KilledLow, from.KilledBest, from.KilledHigh);
        (to.InjuredLow, to.InjuredBest, to.InjuredHigh) = (from.InjuredLow, from.InjuredBest, from.InjuredHigh);
        return to;
    }

    private IncidentVersion Version(Caller caller, Incident incident, List<string> fields, string snapshot) => new()
    {
        IncidentId = incident.Id, Version = incident.Version, ChangedAt = Now, ChangedByUserId = caller.UserId, ChangedByName = caller.UserName,
        ChangedFields = fields, Snapshot = snapshot,
    };

    /// <summary>The marking of the new incidents as their versions' snapshots show it (all share it).</summary>
    private async Task<MarkingDto> DescriberAsync(Caller caller, ResolvedMarking marking)
    {
        var agencyIds = marking.ReleaseToAgencyIds.Append(caller.AgencyId).ToList();
        var codes = await db.Set<Agency>().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Code);
        var userIds = marking.RecipientUserIds.ToList();
        var names = await db.Set<User>().AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => u.UserName ?? "").ToListAsync();
        return new MarkingDto(marking.Tlp.Label(), codes.GetValueOrDefault(caller.AgencyId, "?"),
            [.. marking.ReleaseToAgencyIds.Select(a => codes.GetValueOrDefault(a, "?")).Order()], [.. names.Order()]);
    }
}
