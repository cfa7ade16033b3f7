using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Tracking;

/// <summary>
/// The use cases of trackers (devices) and fixed sensors, shared by the API (<see cref="TrackingModule"/>) and the
/// pages. Every query goes through the access policy; a record the caller may not read (or change) is null / not found.
/// </summary>
internal sealed class DeviceRegistry(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock, IngestWriter writer)
{
    private static (Guid, Guid, Tlp) Key(IReleasable r) => (r.Id, r.OwnerAgencyId, r.Tlp);

    // ---------------- devices ----------------

    public async Task<List<DeviceDto>> ListDevicesAsync(Caller caller)
    {
        var devices = await db.Readable<Device>(caller).AsNoTracking().OrderBy(d => d.Name).ToListAsync();
        return await DeviceDtosAsync(devices);
    }

    public async Task<DeviceDto?> GetDeviceAsync(Caller caller, Guid id)
    {
        var device = await db.Readable<Device>(caller).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        return device is null ? null : (await DeviceDtosAsync([device]))[0];
    }

    private async Task<List<DeviceDto>> DeviceDtosAsync(List<Device> devices)
    {
        var marks = await markings.DescribeAsync(devices.Select(Key).ToList());
        // Positions are reached only through a readable device: these ids are the caller's readable devices.
        var ids = devices.Select(d => d.Id).ToList();
        // Held back by the writer (at most a second) first, then the table: a committed position is in one or the other.
        var heldBack = writer.HeldBackLastPositions(ids);
        var recorded = await (from l in db.Set<DeviceLastPosition>().AsNoTracking()
                              where ids.Contains(l.DeviceId)
                              select new { l.DeviceId, l.PositionId, l.Time }).ToDictionaryAsync(x => x.DeviceId, x => (x.PositionId, x.Time));
        foreach (var (deviceId, held) in heldBack)
        {
            if (!recorded.TryGetValue(deviceId, out var r) || LastPositionBuffer.IsLater(held, r))
            {
                recorded[deviceId] = held;
            }
        }
        var positionIds = recorded.Values.Select(v => v.PositionId).ToList();
        var positions = await db.Set<Position>().AsNoTracking().Where(p => positionIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PositionDto(p.Time, p.Latitude, p.Longitude, p.Speed, p.Bearing, p.Altitude, p.Accuracy));
        var last = recorded.Where(r => positions.ContainsKey(r.Value.PositionId)).ToDictionary(r => r.Key, r => positions[r.Value.PositionId]);
        return devices.Select(d => new DeviceDto(d.Id, d.UniqueId, d.Name, d.Kind, d.Subject, last.GetValueOrDefault(d.Id), marks[d.Id])).ToList();
    }

    public async Task<Outcome<DeviceDto>> CreateDeviceAsync(Caller caller, DeviceRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var device = new Device { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyDeviceAsync(device, request, errors);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<DeviceDto>(errors);
        }
        markings.ApplyToNew(device, marking!, caller);
        db.Add(device);
        await db.SaveChangesAsync();
        return Outcome.Ok((await DeviceDtosAsync([device]))[0]);
    }

    public async Task<Outcome<DeviceDto>> UpdateDeviceAsync(Caller caller, Guid id, DeviceRequest request)
    {
        var device = await db.Writable<Device>(caller).FirstOrDefaultAsync(d => d.Id == id);
        if (device is null)
        {
            return Outcome.NotFound<DeviceDto>();
        }
        var errors = new Dictionary<string, string[]>();
        await ApplyDeviceAsync(device, request, errors);
        var marking = await UpdatedMarkingAsync(device, request.Marking, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<DeviceDto>(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(device, marking);
        }
        await db.SaveChangesAsync();
        return Outcome.Ok((await DeviceDtosAsync([device]))[0]);
    }

    private async Task ApplyDeviceAsync(Device device, DeviceRequest request, Dictionary<string, string[]> errors)
    {
        var uniqueId = Validate.Text(errors, "uniqueId", request.UniqueId, 128, true);
        if (uniqueId is not null && await db.Set<Device>().AnyAsync(d => d.UniqueId == uniqueId && d.Id != device.Id))
        {
            errors["uniqueId"] = ["Another device has this unique id."];
        }
        device.UniqueId = uniqueId ?? "";
        device.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        device.Subject = Validate.Text(errors, "subject", request.Subject, 128, false);
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            device.Kind = DeviceKind.VehicleTracker;
        }
        else if (Enum.TryParse<DeviceKind>(request.Kind, true, out var kind) && Enum.IsDefined(kind))
        {
            device.Kind = kind;
        }
        else
        {
            errors["kind"] = ["One of VehicleTracker, PersonalTracker, Other."];
        }
    }

    public async Task<bool> DeleteDeviceAsync(Caller caller, Guid id)
    {
        var device = await db.Writable<Device>(caller).FirstOrDefaultAsync(d => d.Id == id);
        if (device is null)
        {
            return false;
        }
        // Positions have no foreign key to their device (its index would cost a page per device at every ingest commit:
        // docs/decisions/0007), so they go here, in the same transaction; the last-position row cascades.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Set<Position>().Where(p => p.DeviceId == id).ExecuteDeleteAsync();
        db.Remove(device);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    // ---------------- ingest credentials (owner agency only: Writable) ----------------

    /// <summary>Sets (or rotates) the OsmAnd secret; the answer is the only place the secret is ever shown.</summary>
    public async Task<Outcome<DeviceSecretDto>> SetSecretAsync(Caller caller, Guid id, DeviceSecretRequest? request)
    {
        var device = await db.Writable<Device>(caller).FirstOrDefaultAsync(d => d.Id == id);
        if (device is null)
        {
            return Outcome.NotFound<DeviceSecretDto>();
        }
        var secret = request?.Secret;
        if (secret is not null && (secret.Length < DeviceCredentials.MinSecretLength || secret.Length > 256 || secret.Any(char.IsControl)))
        {
            return Outcome.Invalid<DeviceSecretDto>(new() { ["secret"] = [$"{DeviceCredentials.MinSecretLength} to 256 characters without control characters, or absent for one made by the server."] });
        }
        secret ??= DeviceCredentials.NewSecret();
        device.SecretHash = DeviceCredentials.Hash(secret);
        await db.SaveChangesAsync();
        return Outcome.Ok(new DeviceSecretDto(secret));
    }

    public async Task<bool> ClearSecretAsync(Caller caller, Guid id)
    {
        var device = await db.Writable<Device>(caller).FirstOrDefaultAsync(d => d.Id == id);
        if (device is null)
        {
            return false;
        }
        device.SecretHash = null;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Binds the device to a client certificate (null thumbprint: unbinds); only that certificate may then report it over CoT.</summary>
    public async Task<Outcome<DeviceDto>> BindCertificateAsync(Caller caller, Guid id, string? thumbprint)
    {
        var device = await db.Writable<Device>(caller).FirstOrDefaultAsync(d => d.Id == id);
        if (device is null)
        {
            return Outcome.NotFound<DeviceDto>();
        }
        string? normalised = null;
        if (thumbprint is not null && (normalised = DeviceCredentials.NormaliseThumbprint(thumbprint)) is null)
        {
            return Outcome.Invalid<DeviceDto>(new() { ["thumbprint"] = ["The certificate's SHA-256 thumbprint: 64 hex digits."] });
        }
        device.CertificateThumbprint = normalised;
        await db.SaveChangesAsync();
        return Outcome.Ok((await DeviceDtosAsync([device]))[0]);
    }

    // ---------------- sensors ----------------

    public async Task<List<SensorDto>> ListSensorsAsync(Caller caller)
    {
        var sensors = await db.Readable<Sensor>(caller).AsNoTracking().OrderBy(s => s.Code).ToListAsync();
        var marks = await markings.DescribeAsync(sensors.Select(Key).ToList());
        return sensors.Select(s => ToDto(s, marks[s.Id])).ToList();
    }

    public async Task<SensorDto?> GetSensorAsync(Caller caller, Guid id)
    {
        var sensor = await db.Readable<Sensor>(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        return sensor is null ? null : ToDto(sensor, await markings.DescribeAsync(sensor));
    }

    private static SensorDto ToDto(Sensor s, MarkingDto marking) => new(s.Id, s.Code, s.Name, s.Kind, s.Latitude, s.Longitude, marking);

    public async Task<Outcome<SensorDto>> CreateSensorAsync(Caller caller, SensorRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var sensor = new Sensor { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplySensorAsync(sensor, request, errors);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SensorDto>(errors);
        }
        markings.ApplyToNew(sensor, marking!, caller);
        db.Add(sensor);
        await db.SaveChangesAsync();
        return Outcome.Ok(ToDto(sensor, await markings.DescribeAsync(sensor)));
    }

    public async Task<Outcome<SensorDto>> UpdateSensorAsync(Caller caller, Guid id, SensorRequest request)
    {
        var sensor = await db.Writable<Sensor>(caller).FirstOrDefaultAsync(s => s.Id == id);
        if (sensor is null)
        {
            return Outcome.NotFound<SensorDto>();
        }
        var errors = new Dictionary<string, string[]>();
        await ApplySensorAsync(sensor, request, errors);
        var marking = await UpdatedMarkingAsync(sensor, request.Marking, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SensorDto>(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(sensor, marking);
        }
        await db.SaveChangesAsync();
        return Outcome.Ok(ToDto(sensor, await markings.DescribeAsync(sensor)));
    }

    private async Task ApplySensorAsync(Sensor sensor, SensorRequest request, Dictionary<string, string[]> errors)
    {
        var code = Validate.Text(errors, "code", request.Code, 128, true);
        if (code is not null && await db.Set<Sensor>().AnyAsync(s => s.Code == code && s.Id != sensor.Id))
        {
            errors["code"] = ["Another sensor has this code."];
        }
        sensor.Code = code ?? "";
        sensor.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        if (request.Latitude is not { } lat || !Geo.IsLatitude(lat))
        {
            errors["latitude"] = ["Required, -90..90."];
        }
        else
        {
            sensor.Latitude = lat;
        }
        if (request.Longitude is not { } lon || !Geo.IsLongitude(lon))
        {
            errors["longitude"] = ["Required, -180..180."];
        }
        else
        {
            sensor.Longitude = lon;
        }
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            sensor.Kind = SensorKind.Camera;
        }
        else if (Enum.TryParse<SensorKind>(request.Kind, true, out var kind) && Enum.IsDefined(kind))
        {
            sensor.Kind = kind;
        }
        else
        {
            errors["kind"] = ["One of Anpr, Camera, Gate, Radar, Other."];
        }
    }

    public async Task<bool> DeleteSensorAsync(Caller caller, Guid id)
    {
        var sensor = await db.Writable<Sensor>(caller).FirstOrDefaultAsync(s => s.Id == id);
        if (sensor is null)
        {
            return false;
        }
        db.Remove(sensor);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        return true;
    }

    private async Task<ResolvedMarking?> UpdatedMarkingAsync(IReleasable record, MarkingInput? input, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            return null;
        }
        var (marking, markingErrors) = await markings.ResolveAsync(input, record.Tlp);
        Validate.Merge(errors, markingErrors);
        return marking;
    }
}
