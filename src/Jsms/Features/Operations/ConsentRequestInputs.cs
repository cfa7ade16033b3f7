using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// Reads a consent request's body onto the record (create and change): the host state and its authorities, the kind, the
/// area, the period, personnel (passport numbers encrypted), vehicles and equipment; every problem is named at once.
/// </summary>
internal sealed class ConsentRequestInputs(JsmsDbContext db, PassportNumbers passports)
{
    /// <summary>Checks the body and applies it to the request; every problem is reported at once.</summary>
    public async Task<Dictionary<string, string[]>> ApplyAsync(ConsentRequest request, ConsentRequestInput input, Caller caller)
    {
        var errors = new Dictionary<string, string[]>();
        var iso = input.HostState?.Trim().ToUpperInvariant();
        var host = string.IsNullOrEmpty(iso) ? null : await db.Set<State>().AsNoTracking().FirstOrDefaultAsync(s => s.IsoCode == iso);
        if (host is null)
        {
            errors["hostState"] = [string.IsNullOrEmpty(iso) ? "Required: the ISO code of the host state." : $"Unknown state '{iso}'."];
        }
        var codes = (input.Authorities ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToListAsync();
        if (codes.Count == 0)
        {
            errors["authorities"] = ["Name at least one agency of the host state that must decide."];
        }
        else if (codes.Except(agencies.Select(a => a.Code)).ToList() is { Count: > 0 } unknown)
        {
            errors["authorities"] = [$"Unknown agency code(s): {string.Join(", ", unknown)}."];
        }
        else if (host is not null && agencies.Where(a => a.StateId != host.Id).Select(a => a.Code).ToList() is { Count: > 0 } foreign)
        {
            errors["authorities"] = [$"Not agencies of {host.Name}: {string.Join(", ", foreign)}."];
        }
        else if (agencies.Any(a => a.Id == caller.AgencyId))
        {
            errors["authorities"] = ["The requesting agency cannot be one of the authorities that decide its own request."];
        }
        if (!Enum.TryParse<ConsentKind>(input.Kind, true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors["kind"] = [$"Use one of: {string.Join(", ", Enum.GetNames<ConsentKind>())}."];
        }
        var purpose = Platform.Web.Validate.Text(errors, "purpose", input.Purpose, 2000, required: true);
        var exclusions = Platform.Web.Validate.Text(errors, "exclusions", input.Exclusions, 2000, required: false);
        var roe = Platform.Web.Validate.Text(errors, "rulesOfEngagement", input.RulesOfEngagement, 500, required: false);
        NetTopologySuite.Geometries.MultiPolygon? area = null;
        if (input.Area is not { } areaJson || areaJson.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined)
        {
            errors["area"] = ["Required: a GeoJSON Polygon or MultiPolygon."];
        }
        else
        {
            (area, var problem) = ConsentAreas.Read(areaJson);
            if (problem is not null)
            {
                errors["area"] = ["The area " + problem];
            }
        }
        var start = input.PeriodStart?.UtcDateTime;
        var end = input.PeriodEnd?.UtcDateTime ?? (input.Standing && start is { } s ? s.AddYears(1) : null);
        if (start is null)
        {
            errors["periodStart"] = ["Required."];
        }
        if (end is null)
        {
            errors["periodEnd"] = ["Required (a standing request without one lasts a year)."];
        }
        else if (start is not null && end <= start)
        {
            errors["periodEnd"] = ["Must be after the period's start."];
        }
        var deadline = input.DecisionDeadline?.UtcDateTime ?? start;
        if (deadline is not null && end is not null && deadline >= end)
        {
            errors["decisionDeadline"] = ["Must be before the period's end."];
        }
        var personnel = new List<DeployedPerson>();
        var userNames = (input.Personnel ?? []).Select(p => p?.UserName?.Trim().ToUpperInvariant()).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userNames.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id);
        foreach (var (p, i) in (input.Personnel ?? []).Select((p, i) => (p, i)))
        {
            var key = $"personnel[{i}]";
            if (p is null)
            {
                errors[key] = ["Required."];
                continue;
            }
            var name = Platform.Web.Validate.Text(errors, key + ".name", p.Name, 200, required: true);
            var rank = Platform.Web.Validate.Text(errors, key + ".rank", p.Rank, 100, required: false);
            var role = Platform.Web.Validate.Text(errors, key + ".role", p.Role, 200, required: false);
            var passport = Platform.Web.Validate.Text(errors, key + ".passportNumber", p.PassportNumber, 50, required: false);
            Guid? userId = null;
            if (!string.IsNullOrWhiteSpace(p.UserName))
            {
                if (users.TryGetValue(p.UserName.Trim().ToUpperInvariant(), out var found))
                {
                    userId = found;
                }
                else
                {
                    errors[key + ".userName"] = [$"Unknown user '{p.UserName.Trim()}'."];
                }
            }
            personnel.Add(new DeployedPerson
            {
                Id = Guid.NewGuid(), Name = name ?? "", Rank = rank, Role = role, PassportNumberProtected = passports.Protect(passport),
                TrainedOn = p.TrainedOn, VettedOn = p.VettedOn, UserId = userId,
            });
        }
        var vehicles = new List<DeployedVehicle>();
        foreach (var (v, i) in (input.Vehicles ?? []).Select((v, i) => (v, i)))
        {
            var key = $"vehicles[{i}]";
            var vehicleKind = Platform.Web.Validate.Text(errors, key + ".kind", v?.Kind, 100, required: true);
            var callsign = Platform.Web.Validate.Text(errors, key + ".callsign", v?.Callsign, 100, required: true);
            var device = Platform.Web.Validate.Text(errors, key + ".deviceId", v?.DeviceId, 128, required: false);
            vehicles.Add(new DeployedVehicle { Id = Guid.NewGuid(), Kind = vehicleKind ?? "", Callsign = callsign ?? "", DeviceId = device });
        }
        var equipment = new List<RequestedEquipment>();
        foreach (var (e, i) in (input.Equipment ?? []).Select((e, i) => (e, i)))
        {
            var key = $"equipment[{i}]";
            var type = Platform.Web.Validate.Text(errors, key + ".type", e?.Type, 200, required: true);
            var serial = Platform.Web.Validate.Text(errors, key + ".serialNumber", e?.SerialNumber, 100, required: false);
            var quantity = e?.Quantity ?? 1;
            if (quantity is < 1 or > 100_000)
            {
                errors[key + ".quantity"] = ["Between 1 and 100000."];
            }
            equipment.Add(new RequestedEquipment { Id = Guid.NewGuid(), Type = type ?? "", SerialNumber = serial, Quantity = quantity });
        }
        if (personnel.Count + vehicles.Count > 1000)
        {
            errors["personnel"] = ["At most 1000 personnel and vehicles in one request."];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        request.HostStateId = host!.Id;
        var keep = request.Authorities.Where(a => agencies.Any(x => x.Id == a.AgencyId)).ToList();
        request.Authorities.RemoveAll(a => !keep.Contains(a));
        request.Authorities.AddRange(agencies.Where(x => keep.All(a => a.AgencyId != x.Id)).Select(x => new ConsentAuthority { RequestId = request.Id, AgencyId = x.Id }));
        request.Kind = kind;
        request.Purpose = purpose!;
        request.Area = area!;
        request.PeriodStart = start!.Value;
        request.PeriodEnd = end!.Value;
        request.Standing = input.Standing;
        request.Exclusions = exclusions;
        request.RulesOfEngagement = roe;
        request.DecisionDeadline = deadline!.Value;
        request.Personnel.Clear();
        request.Personnel.AddRange(personnel);
        request.Vehicles.Clear();
        request.Vehicles.AddRange(vehicles);
        request.Equipment.Clear();
        request.Equipment.AddRange(equipment);
        return errors;
    }
}
