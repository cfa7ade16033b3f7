using System.Globalization;
using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace Jsms.Features.Protection;

/// <summary>
/// The use cases of movements (need to know): the records, their routes on the map, the GeoJSON export and the
/// "who has seen this movement" report, shared by the API (<see cref="ProtectionModule"/>) and the pages.
/// Every query starts from <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>;
/// a record the caller may not read (or change) is null / not found. Every look at a movement is audited.
/// </summary>
internal sealed class MovementsService(JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes, ITrackerDirectory trackers,
    IForeignPersonnelConsentCheck partners, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The movements the caller may see (names and status only); each listed movement is an audited look where shown.</summary>
    public async Task<List<MovementSummaryDto>> ListMovementsAsync(Caller caller)
    {
        var movements = await db.Readable<Movement>(caller).AsNoTracking().OrderBy(m => m.DepartEarliest).ThenBy(m => m.Name).ToListAsync();
        var marks = await markings.DescribeAsync(movements.Select(ProtectionRecords.Key).ToList());
        return movements.Select(m => new MovementSummaryDto(m.Id, m.Name, m.Status, marks[m.Id])).ToList();
    }

    /// <summary>Route and schedule (audited where shown, as every RED record); null for anyone outside the named list and the owner's coordinators.</summary>
    public async Task<MovementDto?> GetMovementAsync(Caller caller, Guid id)
    {
        var movement = await db.Readable<Movement>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return null;
        }
        return await ToDtoAsync(caller, movement);
    }

    /// <summary>The audit detail of a movement's route seen on the map (action <c>read</c>).</summary>
    public const string MapViewDetail = "map";

    /// <summary>How long one recorded map view of an unchanged route stands for a user's later views of it: a watch shift.</summary>
    public static readonly TimeSpan MapViewRecordedEvery = TimeSpan.FromHours(8);

    /// <summary>
    /// The routes of the movements the caller may see that are planned or under way (not arrived or aborted), for the map,
    /// which reloads them. A view is recorded (<c>read</c>, detail <c>map</c>) once per user and movement per route
    /// version and watch shift: when this user has no map view of it since its last change (create or update) nor
    /// within <see cref="MapViewRecordedEvery"/>. So the "who has seen this movement" report names everyone who saw
    /// each version of the route, and when they were looking, without a line per refresh (docs/tracking.md).
    /// </summary>
    public async Task<List<MovementRouteDto>> MapRoutesAsync(Caller caller)
    {
        var movements = await db.Readable<Movement>(caller).AsNoTracking()
            .Where(m => m.Route != null && m.Status != MovementStatus.Arrived && m.Status != MovementStatus.Aborted)
            .OrderBy(m => m.Name).ToListAsync();
        if (movements.Count == 0)
        {
            return [];
        }
        var ids = movements.Select(m => (Guid?)m.Id).ToList();
        var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.RecordType == nameof(Movement) && ids.Contains(e.RecordId));
        var changed = await entries.Where(e => e.Action == "create" || e.Action == "update")
            .GroupBy(e => e.RecordId).Select(g => new { Id = g.Key!.Value, At = g.Max(e => e.Timestamp) }).ToDictionaryAsync(x => x.Id, x => x.At);
        var userId = caller.UserId;
        var seen = await entries.Where(e => e.UserId == userId && e.Action == "read" && e.Detail == MapViewDetail)
            .GroupBy(e => e.RecordId).Select(g => new { Id = g.Key!.Value, At = g.Max(e => e.Timestamp) }).ToDictionaryAsync(x => x.Id, x => x.At);
        var shift = Now - MapViewRecordedEvery;
        var recorded = false;
        foreach (var m in movements)
        {
            var since = changed.TryGetValue(m.Id, out var change) && change > shift ? change : shift;
            if (!seen.TryGetValue(m.Id, out var last) || last < since)
            {
                db.Audit("read", nameof(Movement), m.Id, MapViewDetail);
                recorded = true;
            }
        }
        if (recorded)
        {
            await db.SaveChangesAsync();
        }
        var marks = await markings.DescribeAsync(movements.Select(ProtectionRecords.Key).ToList());
        return [.. movements.Select(m => new MovementRouteDto(m.Id, m.Name, m.Status, Geo.ToJson(m.Route!),
            m.CorridorMetres, marks[m.Id]))];
    }

    /// <summary>The movement as a GeoJSON FeatureCollection (route and checkpoints), audited as an export; null if not readable.</summary>
    public async Task<string?> ExportMovementAsync(Caller caller, Guid id)
    {
        var movement = await db.Readable<Movement>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return null;
        }
        db.Audit("export", nameof(Movement), id, "geojson");
        await db.SaveChangesAsync();
        var features = new FeatureCollection();
        if (movement.Route is not null)
        {
            features.Add(new Feature(movement.Route, new AttributesTable { { "kind", "route" }, { "name", movement.Name }, { "corridorMetres", movement.CorridorMetres } }));
        }
        foreach (var c in Read<CheckpointDto>(movement.CheckpointsJson))
        {
            if (c is not { Latitude: { } lat, Longitude: { } lon })
            {
                continue;
            }
            features.Add(new Feature(Geo.Point(lat, lon), new AttributesTable { { "kind", "checkpoint" }, { "name", c.Name }, { "expectedAt", c.ExpectedAt } }));
        }
        return JsonSerializer.Serialize(features, Geo.JsonOptions);
    }

    /// <summary>Whether the caller may run the "who has seen this movement" report: the owner agency's coordinators and administrators.</summary>
    public async Task<bool> MayReadAccessLogAsync(Caller caller, Guid id)
    {
        if (!(caller.IsInRole(JsmsRoles.Coordinator) || caller.IsAdministrator))
        {
            return false;
        }
        var owner = await db.Readable<Movement>(caller).AsNoTracking().Where(m => m.Id == id).Select(m => (Guid?)m.OwnerAgencyId).FirstOrDefaultAsync();
        return owner is { } agency && agency == caller.AgencyId;
    }

    /// <summary>
    /// Who has seen this movement (every list, read, export, change and share of it, from the audit log); null for
    /// anyone but the owner agency's coordinators and administrators. Running the report is itself audited
    /// (as an export when <paramref name="csv"/>).
    /// </summary>
    public async Task<List<MovementAccessDto>?> AccessLogAsync(Caller caller, Guid id, bool csv)
    {
        if (!await MayReadAccessLogAsync(caller, id))
        {
            return null;
        }
        db.Audit(csv ? "export" : "read", nameof(Movement), id, "access log");
        await db.SaveChangesAsync();
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.Sequence)
            .GroupJoin(db.Set<Agency>(), e => e.AgencyId, a => (Guid?)a.Id, (e, a) => new { e, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new MovementAccessDto(x.e.Sequence, x.e.Timestamp, x.e.UserName,
                a == null ? null : a.Code, x.e.Action, x.e.Detail, x.e.RemoteAddress))
            .ToListAsync();
    }

    public static string AccessLogCsv(IEnumerable<MovementAccessDto> entries)
    {
        var text = new StringBuilder("sequence,timestamp,user,agency,action,detail,remote_address\n");
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Sequence},{e.Timestamp:O},{Csv(e.UserName)},{Csv(e.Agency)},{Csv(e.Action)},{Csv(e.Detail)},{Csv(e.RemoteAddress)}\n");
        }
        return text.ToString();
    }

    private static string Csv(string? value)
        => value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public async Task<Outcome<MovementDto>> CreateMovementAsync(Caller caller, MovementRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var movement = new Movement { Id = Guid.NewGuid(), CreatedAt = Now };
        await ApplyMovementAsync(movement, request, errors, caller);
        var marking = await ResolveNeedToKnowAsync(request.Marking, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MovementDto>(errors);
        }
        markings.ApplyToNew(movement, marking!, caller);
        db.Add(movement);
        await db.SaveChangesAsync();
        changes.Bump();
        return Outcome.Ok(await ToDtoAsync(caller, movement));
    }

    public async Task<Outcome<MovementDto>> UpdateMovementAsync(Caller caller, Guid id, MovementRequest request)
    {
        var movement = await db.Writable<Movement>(caller).FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return Outcome.NotFound<MovementDto>();
        }
        var errors = new Dictionary<string, string[]>();
        await ApplyMovementAsync(movement, request, errors, caller);
        var marking = request.Marking is null ? null : await ResolveNeedToKnowAsync(request.Marking, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MovementDto>(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(movement, marking);
        }
        await db.SaveChangesAsync();
        changes.Bump();
        return Outcome.Ok(await ToDtoAsync(caller, movement));
    }

    public async Task<bool> DeleteMovementAsync(Caller caller, Guid id)
    {
        var movement = await db.Writable<Movement>(caller).FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return false;
        }
        db.Remove(movement);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        changes.Bump();
        return true;
    }

    /// <summary>A movement is always TLP:RED; its audience is named people (recipients), never whole agencies.</summary>
    private async Task<ResolvedMarking?> ResolveNeedToKnowAsync(MarkingInput? input, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(input?.Tlp) && !(TlpNames.TryParse(input.Tlp, out var tlp) && tlp == Tlp.Red))
        {
            errors["marking.tlp"] = ["A movement is need-to-know: it is always TLP:RED (omit the level or give RED)."];
        }
        if (input?.ReleaseTo is { Length: > 0 })
        {
            errors["marking.releaseTo"] = ["A movement is released to named people (marking.recipients), not to agencies."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync((input ?? new MarkingInput(null, null, null)) with { Tlp = null, ReleaseTo = null }, Tlp.Red);
        Validate.Merge(errors, markingErrors);
        return marking;
    }

    private async Task ApplyMovementAsync(Movement movement, MovementRequest request, Dictionary<string, string[]> errors, Caller caller)
    {
        movement.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        if (string.IsNullOrWhiteSpace(request.Status))
        {
            movement.Status = MovementStatus.Planned;
        }
        else if (Enum.TryParse<MovementStatus>(request.Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            movement.Status = status;
        }
        else
        {
            errors["status"] = ["One of Planned, UnderWay, Arrived, Overdue, Aborted."];
        }
        // Principals are persons and vehicles and escort name trackers by their unique id: each must be one the caller
        // may read, or a partner could attach (and then follow) a tracker it was never shown.
        var vehicles = Trimmed(request.Vehicles);
        var escort = Trimmed(request.Escort);
        References.Ensure([
            .. await db.MissingAsync<ProtectedPerson>(caller, "principals", request.Principals ?? []),
            .. await trackers.MissingAsync(caller, "vehicles", vehicles),
            .. await trackers.MissingAsync(caller, "escort", escort),
        ]);
        movement.PrincipalsJson = JsonSerializer.Serialize((request.Principals ?? []).Distinct().ToList());
        movement.VehiclesJson = JsonSerializer.Serialize(CleanList(request.Vehicles));
        movement.EscortJson = JsonSerializer.Serialize(CleanList(request.Escort));
        movement.Route = null;
        if (request.Route is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } route)
        {
            var (line, problem) = Geo.ReadLineString(route);
            if (line is null)
            {
                errors["route"] = ["The route " + problem];
            }
            else
            {
                movement.Route = line;
            }
        }
        var corridor = request.CorridorMetres ?? 200;
        if (!double.IsFinite(corridor) || corridor < 10 || corridor > 10_000)
        {
            errors["corridorMetres"] = ["Metres either side of the route, 10 to 10000."];
        }
        movement.CorridorMetres = corridor;
        var checkpoints = request.Checkpoints ?? [];
        for (var i = 0; i < checkpoints.Length; i++)
        {
            var c = checkpoints[i];
            if (string.IsNullOrWhiteSpace(c.Name) || c.Latitude is not { } lat || !Geo.IsLatitude(lat) || c.Longitude is not { } lon || !Geo.IsLongitude(lon))
            {
                errors[$"checkpoints[{i}]"] = ["A checkpoint needs a name, a latitude (-90..90) and a longitude (-180..180)."];
            }
        }
        movement.CheckpointsJson = JsonSerializer.Serialize(checkpoints);
        movement.DepartEarliest = request.DepartEarliest;
        movement.DepartLatest = request.DepartLatest;
        movement.ArriveEarliest = request.ArriveEarliest;
        movement.ArriveLatest = request.ArriveLatest;
        if (request.DepartEarliest > request.DepartLatest)
        {
            errors["departLatest"] = ["The departure window ends before it starts."];
        }
        if (request.ArriveEarliest > request.ArriveLatest)
        {
            errors["arriveLatest"] = ["The arrival window ends before it starts."];
        }
        // A partner's people join only under a consent of the host that covers the movement (an aborted one places nobody).
        var partnerIds = (request.PartnerPersonnel ?? []).Distinct().ToList();
        var check = await CheckPartnersAsync(caller, movement, partnerIds);
        References.Ensure(check.Missing);
        if (movement.Status != MovementStatus.Aborted)
        {
            Validate.Merge(errors, check.Uncovered);
        }
        movement.PartnerPersonnelJson = JsonSerializer.Serialize(partnerIds);
    }

    private Task<PartnerPersonnelCheck> CheckPartnersAsync(Caller caller, Movement m, IReadOnlyList<Guid> ids)
        => partners.CheckAsync(caller, "partnerPersonnel", ids, m.Route, m.DepartEarliest ?? m.DepartLatest ?? m.ArriveEarliest,
            m.ArriveLatest ?? m.ArriveEarliest ?? m.DepartLatest);

    private static List<string> CleanList(string[]? values) => (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();

    /// <summary>The values trimmed, at their positions in the request (blank ones stay, as empty strings, and are dropped later).</summary>
    private static string[] Trimmed(string[]? values) => [.. (values ?? []).Select(v => v?.Trim() ?? "")];

    /// <summary>A list column; a row added before the column existed holds an empty string, read as no entries.</summary>
    private static List<T> Read<T>(string json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Web) ?? [];

    /// <summary>
    /// The movement as this caller may see it: the persons and trackers it names are records of their own, so only
    /// those the caller may read are shown (a tracker's unique id is its ingest credential), and <c>Withheld</c> counts
    /// the rest (docs/access-policy.md, "Derived records").
    /// </summary>
    private async Task<MovementDto> ToDtoAsync(Caller caller, Movement m)
    {
        var principals = Read<Guid>(m.PrincipalsJson);
        var vehicles = Read<string>(m.VehiclesJson);
        var escort = Read<string>(m.EscortJson);
        var readablePersons = principals.Count == 0 ? [] : (await db.Readable<ProtectedPerson>(caller).AsNoTracking()
            .Where(p => principals.Contains(p.Id)).Select(p => p.Id).ToListAsync()).ToHashSet();
        var readableTrackers = await trackers.ReadableAmongAsync(caller, [.. vehicles, .. escort]);
        var shownPrincipals = principals.Where(readablePersons.Contains).ToList();
        var shownVehicles = vehicles.Where(readableTrackers.Contains).ToList();
        var shownEscort = escort.Where(readableTrackers.Contains).ToList();
        var partnerIds = Read<Guid>(m.PartnerPersonnelJson);
        var shownPartners = await partners.DescribeAsync(caller, partnerIds);
        var withheld = principals.Count + vehicles.Count + escort.Count + partnerIds.Count
                       - shownPrincipals.Count - shownVehicles.Count - shownEscort.Count - shownPartners.Count;
        // Covered when planned; read again now, so a consent suspended, revoked or expired since shows here.
        var uncovered = shownPartners.Count == 0 || m.Status is MovementStatus.Aborted or MovementStatus.Arrived ? []
            : (await CheckPartnersAsync(caller, m, [.. shownPartners.Select(p => p.Id)])).Uncovered;
        return new MovementDto(m.Id, m.Name, m.Status, shownPrincipals, shownVehicles, shownEscort,
            m.Route is null ? null : Geo.ToJson(m.Route), m.CorridorMetres,
            Read<CheckpointDto>(m.CheckpointsJson), m.DepartEarliest, m.DepartLatest, m.ArriveEarliest, m.ArriveLatest,
            await markings.DescribeAsync(m), withheld, shownPartners, uncovered);
    }
}
