using System.Globalization;
using System.Text;
using System.Text.Json;
using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Features.Audit;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Protection;

/// <summary>
/// Protected persons, sites and movements under <c>/api/persons</c>, <c>/api/sites</c>, <c>/api/movements</c>.
/// Every query goes through the access policy; a record the caller may not read (or change) answers 404,
/// a viewer gets 403 on writes. Movements are need-to-know (docs/access-policy.md) and every look is audited.
/// </summary>
public static class ProtectionModule
{
    public static IServiceCollection AddProtection(this IServiceCollection services)
    {
        services.AddSingleton<PersonIdentifiers>();
        services.AddSingleton<SiteChanges>();
        return services;
    }

    public static IEndpointRouteBuilder MapProtection(this IEndpointRouteBuilder app)
    {
        var persons = app.MapApiGroup("/persons", "Protection");
        persons.MapGet("", ListPersons);
        persons.MapGet("/{id:guid}", GetPerson);
        var personWrites = persons.MapWritesGroup();
        personWrites.MapPost("", CreatePerson);
        personWrites.MapPut("/{id:guid}", UpdatePerson);
        personWrites.MapDelete("/{id:guid}", DeletePerson);

        var sites = app.MapApiGroup("/sites", "Protection");
        sites.MapGet("", ListSites);
        sites.MapGet("/{id:guid}", GetSite);
        var siteWrites = sites.MapWritesGroup();
        siteWrites.MapPost("", CreateSite);
        siteWrites.MapPut("/{id:guid}", UpdateSite);
        siteWrites.MapDelete("/{id:guid}", DeleteSite);

        var movements = app.MapApiGroup("/movements", "Protection");
        movements.MapGet("", ListMovements);
        movements.MapGet("/{id:guid}", GetMovement);
        movements.MapGet("/{id:guid}/export", ExportMovement);
        movements.MapGet("/{id:guid}/access-log", AccessLog);
        var movementWrites = movements.MapWritesGroup();
        movementWrites.MapPost("", CreateMovement);
        movementWrites.MapPut("/{id:guid}", UpdateMovement);
        movementWrites.MapDelete("/{id:guid}", DeleteMovement);
        return app;
    }

    private static (Guid, Guid, Tlp) Key(IReleasable r) => (r.Id, r.OwnerAgencyId, r.Tlp);

    // ---------------- persons ----------------

    public static async Task<Ok<List<PersonDto>>> ListPersons(Caller caller, JsmsDbContext db, ReleaseMarkings markings, PersonIdentifiers identifiers)
    {
        var people = await db.Readable<ProtectedPerson>(caller).AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        return TypedResults.Ok(await PersonDtosAsync(people, caller, db, markings, identifiers));
    }

    public static async Task<Results<Ok<PersonDto>, NotFound>> GetPerson(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings, PersonIdentifiers identifiers)
    {
        var person = await db.Readable<ProtectedPerson>(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        return person is null ? TypedResults.NotFound() : TypedResults.Ok((await PersonDtosAsync([person], caller, db, markings, identifiers))[0]);
    }

    /// <summary>
    /// Identifiers in clear for the creator, the named recipients, and the coordinators and liaison officers of
    /// the owner agency; masked for every other reader. Each disclosure in clear is audited.
    /// </summary>
    private static async Task<List<PersonDto>> PersonDtosAsync(List<ProtectedPerson> people, Caller caller, JsmsDbContext db,
        ReleaseMarkings markings, PersonIdentifiers identifiers)
    {
        var ids = people.Select(p => p.Id).ToList();
        var named = (await db.Set<NamedRecipient>().AsNoTracking().Where(n => ids.Contains(n.RecordId) && n.UserId == caller.UserId)
            .Select(n => n.RecordId).ToListAsync()).ToHashSet();
        var marks = await markings.DescribeAsync(people.Select(Key).ToList());
        var privileged = caller.IsInRole(JsmsRoles.Coordinator) || caller.IsInRole(JsmsRoles.LiaisonOfficer);
        var result = new List<PersonDto>();
        foreach (var p in people)
        {
            var clear = p.CreatedByUserId == caller.UserId || named.Contains(p.Id) || (p.OwnerAgencyId == caller.AgencyId && privileged);
            var passport = identifiers.Unprotect(p.PassportNumberProtected);
            var phone = identifiers.Unprotect(p.PhoneProtected);
            if (clear && (passport is not null || phone is not null))
            {
                db.Audit("read", nameof(ProtectedPerson), p.Id, "identifiers shown");
            }
            result.Add(new PersonDto(p.Id, p.Name, p.Nationality, p.Employer, p.Project,
                clear ? passport : PersonIdentifiers.Mask(passport), clear ? phone : PersonIdentifiers.Mask(phone), !clear, marks[p.Id]));
        }
        await db.SaveChangesAsync();
        return result;
    }

    public static async Task<Results<Created<PersonDto>, ValidationProblem>> CreatePerson(PersonRequest request, Caller caller,
        JsmsDbContext db, ReleaseMarkings markings, PersonIdentifiers identifiers, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var person = new ProtectedPerson { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        ApplyPerson(person, request, errors, identifiers);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        markings.ApplyToNew(person, marking!, caller);
        db.Add(person);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/persons/{person.Id}", (await PersonDtosAsync([person], caller, db, markings, identifiers))[0]);
    }

    public static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> UpdatePerson(Guid id, PersonRequest request, Caller caller,
        JsmsDbContext db, ReleaseMarkings markings, PersonIdentifiers identifiers)
    {
        var person = await db.Writable<ProtectedPerson>(caller).FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        ApplyPerson(person, request, errors, identifiers);
        ResolvedMarking? marking = null;
        if (request.Marking is not null)
        {
            var (resolved, markingErrors) = await markings.ResolveAsync(request.Marking, person.Tlp);
            Validate.Merge(errors, markingErrors);
            marking = resolved;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(person, marking);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok((await PersonDtosAsync([person], caller, db, markings, identifiers))[0]);
    }

    private static void ApplyPerson(ProtectedPerson person, PersonRequest request, Dictionary<string, string[]> errors, PersonIdentifiers identifiers)
    {
        person.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        person.Nationality = Validate.Text(errors, "nationality", request.Nationality, 100, true) ?? "";
        person.Employer = Validate.Text(errors, "employer", request.Employer, 200, false);
        person.Project = Validate.Text(errors, "project", request.Project, 200, false);
        var passport = Validate.Text(errors, "passportNumber", request.PassportNumber, 64, false);
        var phone = Validate.Text(errors, "phone", request.Phone, 32, false);
        person.PassportNumberProtected = identifiers.Protect(passport);
        person.PhoneProtected = identifiers.Protect(phone);
    }

    public static async Task<Results<NoContent, NotFound>> DeletePerson(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings)
    {
        var person = await db.Writable<ProtectedPerson>(caller).FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        db.Remove(person);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    // ---------------- sites ----------------

    public static async Task<Ok<List<SiteDto>>> ListSites(Caller caller, JsmsDbContext db, ReleaseMarkings markings)
    {
        var sites = await db.Readable<Site>(caller).AsNoTracking().OrderBy(s => s.Name).ToListAsync();
        var marks = await markings.DescribeAsync(sites.Select(Key).ToList());
        return TypedResults.Ok(sites.Select(s => ToDto(s, marks[s.Id])).ToList());
    }

    public static async Task<Results<Ok<SiteDto>, NotFound>> GetSite(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings)
    {
        var site = await db.Readable<Site>(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        return site is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(site, await markings.DescribeAsync(site)));
    }

    private static SiteDto ToDto(Site s, MarkingDto marking) => new(s.Id, s.Name, s.Project, JsonDocument.Parse(s.PerimeterGeoJson).RootElement.Clone(),
        s.WatchDistanceMetres, s.LoiteringThresholdMinutes, s.SecurityLevel, s.Contacts, marking);

    public static async Task<Results<Created<SiteDto>, ValidationProblem>> CreateSite(SiteRequest request, Caller caller,
        JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var site = new Site { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        ApplySite(site, request, errors);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        markings.ApplyToNew(site, marking!, caller);
        db.Add(site);
        await db.SaveChangesAsync();
        changes.Bump();
        return TypedResults.Created($"/api/sites/{site.Id}", ToDto(site, await markings.DescribeAsync(site)));
    }

    public static async Task<Results<Ok<SiteDto>, NotFound, ValidationProblem>> UpdateSite(Guid id, SiteRequest request, Caller caller,
        JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes)
    {
        var site = await db.Writable<Site>(caller).FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        ApplySite(site, request, errors);
        ResolvedMarking? marking = null;
        if (request.Marking is not null)
        {
            var (resolved, markingErrors) = await markings.ResolveAsync(request.Marking, site.Tlp);
            Validate.Merge(errors, markingErrors);
            marking = resolved;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(site, marking);
        }
        await db.SaveChangesAsync();
        changes.Bump();
        return TypedResults.Ok(ToDto(site, await markings.DescribeAsync(site)));
    }

    private static void ApplySite(Site site, SiteRequest request, Dictionary<string, string[]> errors)
    {
        site.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        site.Project = Validate.Text(errors, "project", request.Project, 200, false);
        site.Contacts = Validate.Text(errors, "contacts", request.Contacts, 2000, false);
        if (request.Perimeter is not { } perimeter || perimeter.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            errors["perimeter"] = ["Required: a GeoJSON Polygon, longitude first."];
        }
        else
        {
            var (polygon, problem) = Geo.ReadPolygon(perimeter);
            if (polygon is null)
            {
                errors["perimeter"] = ["The perimeter " + problem];
            }
            else
            {
                site.PerimeterGeoJson = Geo.Write(polygon);
            }
        }
        if (request.WatchDistanceMetres is not { } watch || !double.IsFinite(watch) || watch < 0 || watch > 50_000)
        {
            errors["watchDistanceMetres"] = ["Required: metres from the perimeter, 0 to 50000."];
        }
        else
        {
            site.WatchDistanceMetres = watch;
        }
        if (request.LoiteringThresholdMinutes is not { } threshold || threshold < 1 || threshold > 24 * 60)
        {
            errors["loiteringThresholdMinutes"] = ["Required: minutes, 1 to 1440."];
        }
        else
        {
            site.LoiteringThresholdMinutes = threshold;
        }
        if (string.IsNullOrWhiteSpace(request.SecurityLevel))
        {
            site.SecurityLevel = SecurityLevel.Medium;
        }
        else if (Enum.TryParse<SecurityLevel>(request.SecurityLevel, ignoreCase: true, out var level) && Enum.IsDefined(level))
        {
            site.SecurityLevel = level;
        }
        else
        {
            errors["securityLevel"] = ["One of Low, Medium, High, Critical."];
        }
    }

    public static async Task<Results<NoContent, NotFound>> DeleteSite(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes)
    {
        var site = await db.Writable<Site>(caller).FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            return TypedResults.NotFound();
        }
        db.Remove(site);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        changes.Bump();
        return TypedResults.NoContent();
    }

    // ---------------- movements (need to know) ----------------

    /// <summary>The movements the caller may see (names and status only); each listed movement is an audited look.</summary>
    public static async Task<Ok<List<MovementSummaryDto>>> ListMovements(Caller caller, JsmsDbContext db, ReleaseMarkings markings)
    {
        var movements = await db.Readable<Movement>(caller).AsNoTracking().OrderBy(m => m.DepartEarliest).ThenBy(m => m.Name).ToListAsync();
        var marks = await markings.DescribeAsync(movements.Select(Key).ToList());
        foreach (var m in movements)
        {
            db.Audit("list", nameof(Movement), m.Id);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(movements.Select(m => new MovementSummaryDto(m.Id, m.Name, m.Status, marks[m.Id])).ToList());
    }

    /// <summary>Route and schedule; audited as a read. 404 for anyone outside the named list and the owner's coordinators.</summary>
    public static async Task<Results<Ok<MovementDto>, NotFound>> GetMovement(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings)
    {
        var movement = await db.Readable<Movement>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return TypedResults.NotFound();
        }
        db.Audit("read", nameof(Movement), id);
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToDto(movement, await markings.DescribeAsync(movement)));
    }

    /// <summary>The movement as a GeoJSON FeatureCollection (route and checkpoints); audited as an export.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> ExportMovement(Guid id, Caller caller, JsmsDbContext db)
    {
        var movement = await db.Readable<Movement>(caller).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return TypedResults.NotFound();
        }
        db.Audit("export", nameof(Movement), id, "geojson");
        await db.SaveChangesAsync();
        var features = new List<object>();
        if (movement.RouteGeoJson is not null)
        {
            features.Add(new { type = "Feature", geometry = JsonDocument.Parse(movement.RouteGeoJson).RootElement, properties = new { kind = "route", name = movement.Name, corridorMetres = movement.CorridorMetres } });
        }
        foreach (var c in Read<CheckpointDto>(movement.CheckpointsJson))
        {
            features.Add(new { type = "Feature", geometry = new { type = "Point", coordinates = new[] { c.Longitude, c.Latitude } }, properties = new { kind = "checkpoint", name = c.Name, expectedAt = c.ExpectedAt } });
        }
        var json = JsonSerializer.Serialize(new { type = "FeatureCollection", features });
        return TypedResults.Content(json, "application/geo+json");
    }

    /// <summary>
    /// Who has seen this movement (every list, read, export, change and share of it, from the audit log), for the
    /// owner agency's coordinators and administrators; 404 for anyone else. <c>?format=csv</c> exports it.
    /// Running the report is itself audited.
    /// </summary>
    public static async Task<Results<Ok<List<MovementAccessDto>>, ContentHttpResult, NotFound>> AccessLog(Guid id, string? format, Caller caller, JsmsDbContext db)
    {
        var movement = await db.Readable<Movement>(caller).AsNoTracking().Select(m => new { m.Id, m.OwnerAgencyId }).FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null || movement.OwnerAgencyId != caller.AgencyId
            || !(caller.IsInRole(JsmsRoles.Coordinator) || caller.IsAdministrator))
        {
            return TypedResults.NotFound();
        }
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        db.Audit(csv ? "export" : "read", nameof(Movement), id, "access log");
        await db.SaveChangesAsync();
        var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.Sequence)
            .GroupJoin(db.Set<Agency>(), e => e.AgencyId, a => (Guid?)a.Id, (e, a) => new { e, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new MovementAccessDto(x.e.Sequence, x.e.Timestamp, x.e.UserName,
                a == null ? null : a.Code, x.e.Action, x.e.Detail, x.e.RemoteAddress))
            .ToListAsync();
        if (!csv)
        {
            return TypedResults.Ok(entries);
        }
        var text = new StringBuilder("sequence,timestamp,user,agency,action,detail,remote_address\n");
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Sequence},{e.Timestamp:O},{Csv(e.UserName)},{Csv(e.Agency)},{Csv(e.Action)},{Csv(e.Detail)},{Csv(e.RemoteAddress)}\n");
        }
        return TypedResults.Content(text.ToString(), "text/csv");
    }

    private static string Csv(string? value)
        => value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public static async Task<Results<Created<MovementDto>, ValidationProblem>> CreateMovement(MovementRequest request, Caller caller,
        JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var movement = new Movement { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyMovementAsync(movement, request, errors, caller, db);
        var marking = await ResolveNeedToKnowAsync(request.Marking, errors, markings);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        markings.ApplyToNew(movement, marking!, caller);
        db.Add(movement);
        await db.SaveChangesAsync();
        changes.Bump();
        return TypedResults.Created($"/api/movements/{movement.Id}", ToDto(movement, await markings.DescribeAsync(movement)));
    }

    public static async Task<Results<Ok<MovementDto>, NotFound, ValidationProblem>> UpdateMovement(Guid id, MovementRequest request, Caller caller,
        JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes)
    {
        var movement = await db.Writable<Movement>(caller).FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        await ApplyMovementAsync(movement, request, errors, caller, db);
        var marking = request.Marking is null ? null : await ResolveNeedToKnowAsync(request.Marking, errors, markings);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(movement, marking);
        }
        await db.SaveChangesAsync();
        changes.Bump();
        return TypedResults.Ok(ToDto(movement, await markings.DescribeAsync(movement)));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteMovement(Guid id, Caller caller, JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes)
    {
        var movement = await db.Writable<Movement>(caller).FirstOrDefaultAsync(m => m.Id == id);
        if (movement is null)
        {
            return TypedResults.NotFound();
        }
        db.Remove(movement);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        changes.Bump();
        return TypedResults.NoContent();
    }

    /// <summary>A movement is always TLP:RED; its audience is named people (recipients), never whole agencies.</summary>
    private static async Task<ResolvedMarking?> ResolveNeedToKnowAsync(MarkingInput? input, Dictionary<string, string[]> errors, ReleaseMarkings markings)
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

    private static async Task ApplyMovementAsync(Movement movement, MovementRequest request, Dictionary<string, string[]> errors, Caller caller, JsmsDbContext db)
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
        var principals = (request.Principals ?? []).Distinct().ToList();
        var known = await db.Readable<ProtectedPerson>(caller).Where(p => principals.Contains(p.Id)).Select(p => p.Id).ToListAsync();
        if (known.Count != principals.Count)
        {
            errors["principals"] = ["Unknown protected person(s): " + string.Join(", ", principals.Except(known)) + "."];
        }
        movement.PrincipalsJson = JsonSerializer.Serialize(principals);
        movement.VehiclesJson = JsonSerializer.Serialize(CleanList(request.Vehicles));
        movement.EscortJson = JsonSerializer.Serialize(CleanList(request.Escort));
        movement.RouteGeoJson = null;
        if (request.Route is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } route)
        {
            var (line, problem) = Geo.ReadLineString(route);
            if (line is null)
            {
                errors["route"] = ["The route " + problem];
            }
            else
            {
                movement.RouteGeoJson = Geo.Write(line);
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
    }

    private static List<string> CleanList(string[]? values) => (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();

    private static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Web) ?? [];

    private static MovementDto ToDto(Movement m, MarkingDto marking) => new(m.Id, m.Name, m.Status, Read<Guid>(m.PrincipalsJson),
        Read<string>(m.VehiclesJson), Read<string>(m.EscortJson),
        m.RouteGeoJson is null ? null : JsonDocument.Parse(m.RouteGeoJson).RootElement.Clone(), m.CorridorMetres,
        Read<CheckpointDto>(m.CheckpointsJson), m.DepartEarliest, m.DepartLatest, m.ArriveEarliest, m.ArriveLatest, marking);
}
