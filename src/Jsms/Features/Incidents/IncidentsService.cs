using System.Text.Json;
using System.Text.Json.Serialization;
using Jsms.Features.Alerts;
using Jsms.Features.Intelligence;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Incidents;

/// <summary>
/// The use cases of the incidents register, shared by the API (<see cref="IncidentsModule"/>) and the pages. Reads start
/// from <see cref="AccessPolicy.Readable{T}"/>, changes from <see cref="AccessPolicy.Writable{T}"/>, so what the caller
/// may not see is not found. Every change writes an <see cref="IncidentVersion"/> in the same transaction.
/// </summary>
internal sealed class IncidentsService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    /// <summary>How a version's snapshot is written: the API's JSON (camelCase, enums by name).</summary>
    public static JsonSerializerOptions SnapshotJson { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    private static IQueryable<Incident> WithChildren(IQueryable<Incident> incidents)
        => incidents.Include(i => i.Perpetrators).Include(i => i.Casualties).Include(i => i.Sources).AsSplitQuery();

    public async Task<IncidentPageDto> ListAsync(Caller caller, IncidentFilter filter)
    {
        var query = db.Readable<Incident>(caller).AsNoTracking().Where(i => i.DeletedAt == null);
        if (filter.From is { } from)
        {
            query = query.Where(i => i.OccurredOn >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(i => i.OccurredOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(i => i.Country == country);
        }
        // Case-insensitive matches as LOWER() on both providers: the StringComparison overloads do not translate to SQL.
#pragma warning disable CA1862
        if (!string.IsNullOrWhiteSpace(filter.Admin1))
        {
            var admin1 = filter.Admin1.Trim().ToLower();
            query = query.Where(i => i.Admin1 != null && i.Admin1.ToLower() == admin1);
        }
        if (filter.AttackType is { } attack)
        {
            query = query.Where(i => i.AttackTypes.Contains(attack));
        }
        if (!string.IsNullOrWhiteSpace(filter.Group))
        {
            var group = filter.Group.Trim().ToLower();
            query = query.Where(i => i.Perpetrators.Any(p => p.Name.ToLower().Contains(group)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLower();
            query = query.Where(i => i.Title.ToLower().Contains(text) || i.Summary.ToLower().Contains(text)
                || (i.LocationName != null && i.LocationName.ToLower().Contains(text)));
        }
#pragma warning restore CA1862
        var total = await query.CountAsync();
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, IncidentFilter.MaxPageSize);
        var rows = await query.OrderByDescending(i => i.OccurredOn).ThenBy(i => i.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(i => new
            {
                i.Id, i.Title, i.OccurredOn, i.DatePrecision, i.Country, i.Admin1, i.LocationName, i.AttackTypes,
                Groups = i.Perpetrators.OrderBy(p => p.Ordinal).Select(p => p.Name).ToList(),
                i.KilledBest, i.InjuredBest, i.Version, i.OwnerAgencyId, i.Tlp,
            })
            .ToListAsync();
        var marks = await markings.DescribeAsync(rows.Select(r => (r.Id, r.OwnerAgencyId, r.Tlp)).ToList());
        return new IncidentPageDto([.. rows.Select(r => new IncidentSummaryDto(r.Id, r.Title, r.OccurredOn, r.DatePrecision, r.Country, r.Admin1,
            r.LocationName, Labels(r.AttackTypes, GtdCodes.AttackTypes), r.Groups, r.KilledBest, r.InjuredBest, r.Version, marks[r.Id]))], total, page, size);
    }

    /// <summary>The incident, deleted or merged ones included (they say so, and where they went); null when not readable.</summary>
    public async Task<IncidentDetailDto?> GetAsync(Caller caller, Guid id)
    {
        var incident = await WithChildren(db.Readable<Incident>(caller).AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id);
        return incident is null ? null : ToDto(incident, await markings.DescribeAsync(incident));
    }

    public async Task<IncidentHistoryDto?> VersionsAsync(Caller caller, Guid id)
    {
        var incident = await db.Readable<Incident>(caller).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        if (incident is null)
        {
            return null;
        }
        var versions = await db.Set<IncidentVersion>().AsNoTracking().Where(v => v.IncidentId == id).OrderByDescending(v => v.Version).ToListAsync();
        return new IncidentHistoryDto(id, await markings.DescribeAsync(incident), [.. versions.Select(v => new IncidentVersionDto(v.Version, v.ChangedAt,
            v.ChangedByName, v.ChangedFields, JsonDocument.Parse(v.Snapshot).RootElement.Clone()))]);
    }

    /// <summary>
    /// The readable incidents (not deleted) whose point lies within <paramref name="metres"/> of a geometry (a site's
    /// perimeter), nearest first: the point columns narrow by a bounding box in the database, the distance is measured here.
    /// </summary>
    public async Task<List<(IncidentSummaryDto Incident, double Metres)>> NearAsync(Caller caller, Geometry geometry, double metres, int max = 200)
    {
        var envelope = geometry.EnvelopeInternal;
        var degrees = Geo.DegreesCovering(Math.Max(Math.Abs(envelope.MinY), Math.Abs(envelope.MaxY)), metres);
        var (south, north, west, east) = (envelope.MinY - degrees, envelope.MaxY + degrees, envelope.MinX - degrees, envelope.MaxX + degrees);
        var candidates = await db.Readable<Incident>(caller).AsNoTracking()
            .Where(i => i.DeletedAt == null && i.Latitude >= south && i.Latitude <= north && i.Longitude >= west && i.Longitude <= east)
            .Select(i => new { i.Id, i.Latitude, i.Longitude })
            .ToListAsync();
        var near = candidates.Select(c => (c.Id, Metres: Geo.DistanceMetres(geometry, c.Latitude!.Value, c.Longitude!.Value)))
            .Where(c => c.Metres <= metres).OrderBy(c => c.Metres).Take(max).ToDictionary(c => c.Id, c => c.Metres);
        var ids = near.Keys.ToList();
        var page = await ListByIdsAsync(caller, ids);
        return [.. page.Select(i => (i, near[i.Id])).OrderBy(p => p.Item2)];
    }

    private async Task<List<IncidentSummaryDto>> ListByIdsAsync(Caller caller, List<Guid> ids)
    {
        var incidents = await db.Readable<Incident>(caller).AsNoTracking().Include(i => i.Perpetrators).Where(i => ids.Contains(i.Id)).ToListAsync();
        var marks = await markings.DescribeAsync(incidents.Select(i => (i.Id, i.OwnerAgencyId, i.Tlp)).ToList());
        return [.. incidents.Select(i => new IncidentSummaryDto(i.Id, i.Title, i.OccurredOn, i.DatePrecision, i.Country, i.Admin1, i.LocationName,
            Labels(i.AttackTypes, GtdCodes.AttackTypes), [.. i.Perpetrators.OrderBy(p => p.Ordinal).Select(p => p.Name)], i.KilledBest, i.InjuredBest,
            i.Version, marks[i.Id]))];
    }

    public async Task<Outcome<IncidentDetailDto>> CreateAsync(Caller caller, IncidentRequest request)
    {
        var errors = IncidentInput.Check(request, Today);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<IncidentDetailDto>(errors);
        }
        await EnsureReferencesAsync(caller, request);
        var incident = new Incident { Id = Guid.NewGuid(), Version = 1, CreatedAt = Now, UpdatedAt = Now };
        IncidentInput.Apply(incident, request);
        markings.ApplyToNew(incident, marking!, caller);
        db.Add(incident);
        return Outcome.Ok(await SaveWithVersionAsync(caller, incident, null, ["created"]));
    }

    public async Task<Outcome<IncidentDetailDto>> UpdateAsync(Caller caller, Guid id, IncidentRequest request)
    {
        var incident = await WithChildren(db.Writable<Incident>(caller)).FirstOrDefaultAsync(i => i.Id == id && i.DeletedAt == null);
        if (incident is null)
        {
            return Outcome.NotFound<IncidentDetailDto>();
        }
        var errors = IncidentInput.Check(request, Today);
        var marking = await markings.ResolveChangeAsync(request.Marking, incident.Tlp, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<IncidentDetailDto>(errors);
        }
        if (Stale(incident, request.ExpectedVersion) is { } stale)
        {
            return stale;
        }
        await EnsureReferencesAsync(caller, request);
        var before = ToDto(incident, await markings.DescribeAsync(incident));
        var stored = StoredChildren(incident);
        var casualties = incident.Casualties.ToDictionary(c => c.VictimClass);
        IncidentInput.Apply(incident, request);
        // A class counted before and now is the same row (its key is the class): change it rather than add a second.
        incident.Casualties = [.. incident.Casualties.Select(c => casualties.TryGetValue(c.VictimClass, out var kept) ? Copy(c, kept) : c)];
        MarkNewChildren(incident, stored);
        if (marking is not null)
        {
            await markings.ReplaceAsync(incident, marking);
        }
        incident.Version++;
        incident.UpdatedAt = Now;
        return Outcome.Ok(await SaveWithVersionAsync(caller, incident, before, []));
    }

    /// <summary>Soft delete by the owner's writers: the row stays, marked deleted, for the change feed and the versions.</summary>
    public async Task<bool> DeleteAsync(Caller caller, Guid id)
    {
        var incident = await WithChildren(db.Writable<Incident>(caller)).FirstOrDefaultAsync(i => i.Id == id && i.DeletedAt == null);
        if (incident is null)
        {
            return false;
        }
        var before = ToDto(incident, await markings.DescribeAsync(incident));
        incident.DeletedAt = Now;
        incident.Version++;
        incident.UpdatedAt = Now;
        await SaveWithVersionAsync(caller, incident, before, []);
        return true;
    }

    /// <summary>
    /// Merges a second report of the same attack into this incident: its sources join this one's, each with its own
    /// figures; groups, types and links are joined; a victim class both count keeps this incident's best estimate and
    /// widens its low–high range to cover the other's. The other is soft-deleted, pointing here. Both must be the caller's
    /// to change, and this one may not be shared more widely than the other (its content would reach readers the other's
    /// owner did not release it to).
    /// </summary>
    public async Task<Outcome<IncidentDetailDto>> MergeAsync(Caller caller, Guid id, MergeRequest request)
    {
        if (request.OtherId is not { } otherId || otherId == id)
        {
            return Outcome.Invalid<IncidentDetailDto>(new() { ["otherId"] = ["Required: the id of another incident, reporting the same attack."] });
        }
        var incident = await WithChildren(db.Writable<Incident>(caller)).FirstOrDefaultAsync(i => i.Id == id && i.DeletedAt == null);
        if (incident is null)
        {
            return Outcome.NotFound<IncidentDetailDto>();
        }
        var other = await WithChildren(db.Writable<Incident>(caller)).FirstOrDefaultAsync(i => i.Id == otherId && i.DeletedAt == null);
        if (other is null)
        {
            throw new UnreadableReferenceException(["otherId"]);
        }
        if (Stale(incident, request.ExpectedVersion) is { } stale)
        {
            return stale;
        }
        var grants = await db.Set<ReleaseGrant>().AsNoTracking().Where(g => g.RecordId == id || g.RecordId == otherId).ToListAsync();
        var widens = incident.Tlp < other.Tlp || grants.Any(g => g.RecordId == id && !grants.Any(o => o.RecordId == otherId && o.AgencyId == g.AgencyId));
        if (widens)
        {
            return Outcome.InConflict<IncidentDetailDto>("This incident is shared more widely than the other: merge this one into the other instead.");
        }
        var before = ToDto(incident, await markings.DescribeAsync(incident));
        var otherBefore = ToDto(other, await markings.DescribeAsync(other));
        var stored = StoredChildren(incident);
        IncidentMerge.Into(incident, other);
        MarkNewChildren(incident, stored);
        incident.Version++;
        incident.UpdatedAt = Now;
        other.DeletedAt = Now;
        other.MergedIntoId = incident.Id;
        other.Version++;
        other.UpdatedAt = Now;
        await using var hold = await db.HoldAuditLockAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AddVersionAsync(caller, other, otherBefore, []);
        var merged = await AddVersionAsync(caller, incident, before, [$"merged {other.Id}"]);
        await transaction.CommitAsync();
        return Outcome.Ok(merged);
    }

    private static HashSet<object> StoredChildren(Incident incident)
        => new(incident.Perpetrators.Cast<object>().Concat(incident.Sources).Concat(incident.Casualties), ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Rows built here carry their keys already (the incident's id, the victim class): said to be new, or EF Core would
    /// take them for stored rows to update and the save would fail as a concurrent change.
    /// </summary>
    private void MarkNewChildren(Incident incident, HashSet<object> stored)
    {
        foreach (var row in incident.Perpetrators.Cast<object>().Concat(incident.Sources).Concat(incident.Casualties).Where(r => !stored.Contains(r)))
        {
            db.Entry(row).State = EntityState.Added;
        }
    }

    private static IncidentCasualty Copy(IncidentCasualty from, IncidentCasualty to)
    {
        (to.KilledLow, to.KilledBest, to.KilledHigh) = (from.KilledLow, from.KilledBest, from.KilledHigh);
        (to.InjuredLow, to.InjuredBest, to.InjuredHigh) = (from.InjuredLow, from.InjuredBest, from.InjuredHigh);
        return to;
    }

    private static Outcome<IncidentDetailDto>? Stale(Incident incident, int? expected)
        => expected is { } version && version != incident.Version
            ? Outcome.InConflict<IncidentDetailDto>($"The incident is at version {incident.Version}, not {version}: someone changed it since you read it. Reload it and try again.")
            : null;

    /// <summary>Sites, persons, alerts and STIX objects named must be readable by the caller: otherwise 404 naming the field, nothing written.</summary>
    private async Task EnsureReferencesAsync(Caller caller, IncidentRequest request)
    {
        var missing = new List<string>();
        missing.AddRange(await db.MissingAsync<Site>(caller, "siteIds", request.SiteIds ?? []));
        missing.AddRange(await db.MissingAsync<ProtectedPerson>(caller, "personIds", request.PersonIds ?? []));
        missing.AddRange(await db.MissingAsync<Alert>(caller, "alertIds", request.AlertIds ?? []));
        // STIX objects are named by their STIX id: one the caller may read some version of.
        missing.AddRange(await db.MissingAsync<StixObjectVersion, string>(caller, "stixIds", o => o.StixId,
            [.. (request.StixIds ?? []).Select(s => s?.Trim() ?? "")], s => s.Length > 0));
        References.Ensure(missing);
    }

    /// <summary>Saves the change and its version in one transaction (the version's snapshot needs the marking as saved).</summary>
    private async Task<IncidentDetailDto> SaveWithVersionAsync(Caller caller, Incident incident, IncidentDetailDto? before, List<string> fields)
    {
        await using var hold = await db.HoldAuditLockAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var saved = await AddVersionAsync(caller, incident, before, fields);
        await transaction.CommitAsync();
        return saved;
    }

    private async Task<IncidentDetailDto> AddVersionAsync(Caller caller, Incident incident, IncidentDetailDto? before, List<string> fields)
    {
        await db.SaveChangesAsync();
        var after = ToDto(incident, await markings.DescribeAsync(incident));
        var snapshot = IncidentDiff.Snapshot(after);
        if (before is not null)
        {
            fields.InsertRange(0, IncidentDiff.ChangedFields(IncidentDiff.Snapshot(before), snapshot));
        }
        db.Add(new IncidentVersion
        {
            IncidentId = incident.Id, Version = incident.Version, ChangedAt = Now, ChangedByUserId = caller.UserId, ChangedByName = caller.UserName,
            ChangedFields = fields, Snapshot = snapshot.GetRawText(),
        });
        await db.SaveChangesAsync();
        return after;
    }

    public static IncidentDetailDto ToDto(Incident i, MarkingDto marking) => new(i.Id, i.Title, i.Summary, i.OccurredOn, i.OccurredUntil, i.DatePrecision,
        i.TimeOfDay, i.Latitude, i.Longitude, i.Country, i.Admin1, i.Admin2, i.LocationName, i.PlacePrecision,
        Labels(i.AttackTypes, GtdCodes.AttackTypes), Labels(i.WeaponTypes, GtdCodes.WeaponTypes), Labels(i.TargetTypes, GtdCodes.TargetTypes),
        i.Suicide, i.Success, i.PropertyDamage, i.HostagesOrKidnapping,
        [.. i.Perpetrators.OrderBy(p => p.Ordinal).Select(p => new PerpetratorDto(p.Name, p.Claimed, p.ClaimMode, p.StixThreatActorId))],
        [.. i.Casualties.OrderBy(c => c.VictimClass).Select(c => new CasualtyDto(c.VictimClass, c.KilledLow, c.KilledBest, c.KilledHigh, c.InjuredLow, c.InjuredBest, c.InjuredHigh))],
        i.KilledBest, i.InjuredBest,
        [.. i.Sources.OrderBy(s => s.PublishedOn).ThenBy(s => s.Name).Select(s => new SourceDto(s.Name, s.Url, s.PublishedOn, s.Format, s.SourceEventId, s.Killed, s.Injured))],
        [.. i.SiteIds], [.. i.PersonIds], [.. i.AlertIds], [.. i.StixIds], i.Project, i.Version, i.CreatedAt, i.UpdatedAt, i.DeletedAt, i.MergedIntoId, marking);

    public static List<CodeDto> Labels(IEnumerable<int> codes, IReadOnlyDictionary<int, string> list)
        => [.. codes.Select(c => new CodeDto(c, GtdCodes.Label(list, c)))];
}
