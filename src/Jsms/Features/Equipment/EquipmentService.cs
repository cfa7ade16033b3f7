using System.Globalization;
using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Equipment;

/// <summary>
/// Supply agreements, deliveries and serial-number inventories, shared by the API and the pages. The supplier (the
/// agreement's owner) records agreements and deliveries; writers of the supplier or of the recipient record inventory
/// checks. A missing serial, or one transferred without an approved <see cref="TransferRequest"/>, raises an alert once.
/// </summary>
internal sealed class EquipmentService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    /// <summary>The first inventory of a delivery is due within this many days.</summary>
    public const int FirstInventoryDays = 90;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<AgreementDto>> ListAgreementsAsync(Caller caller, bool dueOnly = false, int withinDays = 30)
    {
        var query = db.Readable<SupplyAgreement>(caller).AsNoTracking();
        if (dueOnly)
        {
            var horizon = Today.AddDays(withinDays);
            query = query.Where(a => a.NextInventoryDueOn != null && a.NextInventoryDueOn <= horizon);
        }
        var rows = await query.Take(1000).ToListAsync();
        var marks = await markings.DescribeAsync(rows.Select(a => (a.Id, a.OwnerAgencyId, a.Tlp)).ToList());
        var codes = await CodesAsync();
        return rows.OrderBy(a => a.NextInventoryDueOn ?? DateOnly.MaxValue).ThenBy(a => a.Title, StringComparer.CurrentCulture)
            .Select(a => ToDto(a, marks[a.Id], codes)).ToList();
    }

    public async Task<AgreementDto?> GetAgreementAsync(Caller caller, Guid id)
    {
        var agreement = await db.Readable<SupplyAgreement>(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        return agreement is null ? null : await DetailAsync(agreement);
    }

    public async Task<Outcome<AgreementDto>> CreateAgreementAsync(Caller caller, CreateAgreementRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Validate.Text(errors, "title", request.Title, 300, required: true);
        Guid? recipientId = null;
        string? recipientCode = null;
        if (string.IsNullOrWhiteSpace(request.Recipient))
        {
            errors["recipient"] = ["The recipient agency's code is required."];
        }
        else
        {
            recipientCode = request.Recipient.Trim().ToUpperInvariant();
            recipientId = await db.Set<Agency>().Where(a => a.Code == recipientCode).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            if (recipientId is null)
            {
                errors["recipient"] = [$"Unknown agency code '{request.Recipient}'."];
            }
            else if (recipientId == caller.AgencyId)
            {
                errors["recipient"] = ["The recipient is another agency than the supplier."];
            }
        }
        var items = new SupplyItems();
        var lines = request.Items ?? [];
        if (lines.Length is 0 or > 200)
        {
            errors["items"] = ["Give 1 to 200 item lines (itemType, quantity)."];
        }
        for (var i = 0; i < lines.Length && i < 200; i++)
        {
            var type = Validate.Text(errors, $"items[{i}].itemType", lines[i].ItemType, 200, required: true);
            if (lines[i].Quantity is not (>= 1 and <= 1_000_000))
            {
                errors[$"items[{i}].quantity"] = ["A quantity from 1 to 1000000."];
            }
            items.Add(new SupplyItem { ItemType = type ?? "", Quantity = lines[i].Quantity ?? 0 });
        }
        var assurances = Validate.Text(errors, "endUseAssurances", request.EndUseAssurances, 8000, required: true);
        DateOnly? signedOn = null;
        if (!string.IsNullOrWhiteSpace(request.AssurancesSignedOn))
        {
            if (TryParseDate(request.AssurancesSignedOn, out var signed))
            {
                signedOn = signed;
            }
            else
            {
                errors["assurancesSignedOn"] = [$"'{request.AssurancesSignedOn}' is not a date: write yyyy-MM-dd."];
            }
        }
        var monitoring = MonitoringLevel.Routine;
        if (!string.IsNullOrWhiteSpace(request.Monitoring) && !Enum.TryParse(request.Monitoring.Trim(), ignoreCase: true, out monitoring)
            || !Enum.IsDefined(monitoring))
        {
            errors["monitoring"] = [$"Unknown monitoring '{request.Monitoring}': use Routine or Enhanced."];
        }
        var interval = request.InventoryIntervalMonths ?? (monitoring == MonitoringLevel.Enhanced ? 6 : 12);
        if (interval is < 1 or > 60)
        {
            errors["inventoryIntervalMonths"] = ["Inventories recur every 1 to 60 months."];
        }
        var input = request.Marking ?? new MarkingInput(null, [], []);
        input = input with { ReleaseTo = [.. input.ReleaseTo ?? [], .. recipientCode is null || recipientId is null ? [] : new[] { recipientCode }] };
        if (input.Tlp is { } tlp && TlpNames.TryParse(tlp, out var level) && level is Tlp.Red or Tlp.Clear)
        {
            errors["marking.tlp"] = ["An agreement is released to its recipient: use GREEN, AMBER or AMBER+STRICT."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(input);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<AgreementDto>(errors);
        }
        var agreement = new SupplyAgreement
        {
            Id = Guid.NewGuid(),
            Title = title!,
            RecipientAgencyId = recipientId!.Value,
            Items = items,
            EndUseAssurances = assurances!,
            AssurancesSignedOn = signedOn,
            Monitoring = monitoring,
            InventoryIntervalMonths = interval,
            CreatedAt = Now,
        };
        markings.ApplyToNew(agreement, marking!, caller);
        db.Add(agreement);
        await db.SaveChangesAsync();
        return Outcome.Ok(await DetailAsync(agreement));
    }

    public async Task<Outcome<AgreementDto>> RecordDeliveryAsync(Caller caller, Guid agreementId, RecordDeliveryRequest request)
    {
        var agreement = await db.Writable<SupplyAgreement>(caller).FirstOrDefaultAsync(a => a.Id == agreementId);
        if (agreement is null)
        {
            return Outcome.NotFound<AgreementDto>();
        }
        var errors = new Dictionary<string, string[]>();
        if (!TryParseDate(request.DeliveredOn, out var deliveredOn))
        {
            errors["deliveredOn"] = ["The delivery date (yyyy-MM-dd) is required."];
        }
        else if (deliveredOn > Today)
        {
            errors["deliveredOn"] = ["A delivery cannot be recorded ahead of its date."];
        }
        var note = Validate.Text(errors, "note", request.Note, 2000, required: false);
        var items = request.Items ?? [];
        if (items.Length is 0 or > 5000)
        {
            errors["items"] = ["Give 1 to 5000 delivered items (itemType, serialNumber)."];
        }
        var known = await db.Set<DeliveredItem>().Where(i => i.AgreementId == agreementId).Select(i => i.SerialNumber).ToListAsync();
        var seen = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        var delivery = new Delivery { Id = Guid.NewGuid(), AgreementId = agreementId, DeliveredOn = deliveredOn, Note = note, RecordedByUserId = caller.UserId, CreatedAt = Now };
        var rows = new List<DeliveredItem>();
        for (var i = 0; i < items.Length && i < 5000; i++)
        {
            var type = Validate.Text(errors, $"items[{i}].itemType", items[i].ItemType, 200, required: true);
            var serial = Validate.Text(errors, $"items[{i}].serialNumber", items[i].SerialNumber, 100, required: true);
            if (serial is not null && !seen.Add(serial))
            {
                errors[$"items[{i}].serialNumber"] = [$"Serial number '{serial}' is already listed under this agreement."];
            }
            else if (type is not null && !agreement.Items.Any(l => string.Equals(l.ItemType, type, StringComparison.OrdinalIgnoreCase)))
            {
                errors[$"items[{i}].itemType"] = [$"'{type}' is not an item type of this agreement."];
            }
            rows.Add(new DeliveredItem { Id = Guid.NewGuid(), AgreementId = agreementId, DeliveryId = delivery.Id, ItemType = type ?? "", SerialNumber = serial ?? "" });
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<AgreementDto>(errors);
        }
        db.Add(delivery);
        db.AddRange(rows);
        var firstDue = deliveredOn.AddDays(FirstInventoryDays);
        if (agreement.NextInventoryDueOn is not { } due || firstDue < due)
        {
            agreement.NextInventoryDueOn = firstDue;
        }
        await db.SaveChangesAsync();
        return Outcome.Ok(await DetailAsync(agreement));
    }

    /// <summary>Records an inventory check by a writer of the supplier or the recipient; raises the missing and unauthorised-transfer alerts.</summary>
    public async Task<Outcome<InventoryCheckDto>> RecordInventoryAsync(Caller caller, Guid agreementId, RecordInventoryRequest request)
    {
        var agreement = caller.CanWrite
            ? await db.Readable<SupplyAgreement>(caller).FirstOrDefaultAsync(a => a.Id == agreementId
                && (a.OwnerAgencyId == caller.AgencyId || a.RecipientAgencyId == caller.AgencyId))
            : null;
        if (agreement is null)
        {
            return Outcome.NotFound<InventoryCheckDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var checkedAt = request.CheckedAt?.ToUniversalTime() ?? Now;
        if (checkedAt > Now.AddMinutes(5))
        {
            errors["checkedAt"] = ["An inventory check cannot be dated in the future."];
        }
        var place = Validate.Text(errors, "place", request.Place, 300, required: true);
        var checker = Validate.Text(errors, "checkerName", request.CheckerName, 200, required: false);
        if (request.Latitude is null != request.Longitude is null)
        {
            errors["latitude"] = ["Give both latitude and longitude, or neither."];
        }
        if (request.Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
        {
            errors["latitude"] = ["A latitude from -90 to 90."];
        }
        if (request.Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
        {
            errors["longitude"] = ["A longitude from -180 to 180."];
        }
        var items = await db.Set<DeliveredItem>().Where(i => i.AgreementId == agreementId).ToListAsync();
        var bySerial = items.ToDictionary(i => i.SerialNumber, StringComparer.OrdinalIgnoreCase);
        var lines = request.Lines ?? [];
        if (lines.Length is 0 or > 5000)
        {
            errors["lines"] = ["Give 1 to 5000 lines (serialNumber, status)."];
        }
        var checkLines = new InventoryLines();
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length && i < 5000; i++)
        {
            var serial = Validate.Text(errors, $"lines[{i}].serialNumber", lines[i].SerialNumber, 100, required: true);
            if (serial is not null && !bySerial.ContainsKey(serial))
            {
                errors[$"lines[{i}].serialNumber"] = [$"No item delivered under this agreement has serial number '{serial}'."];
            }
            else if (serial is not null && !listed.Add(serial))
            {
                errors[$"lines[{i}].serialNumber"] = [$"Serial number '{serial}' is listed twice."];
            }
            if (!Enum.TryParse<SerialStatus>(lines[i].Status?.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status)
                || int.TryParse(lines[i].Status, CultureInfo.InvariantCulture, out _))
            {
                errors[$"lines[{i}].status"] = [$"Unknown status '{lines[i].Status}': use Found, Missing, Transferred or Damaged."];
            }
            var note = Validate.Text(errors, $"lines[{i}].note", lines[i].Note, 1000, required: false);
            checkLines.Add(new InventoryLine { SerialNumber = serial ?? "", Status = status, Note = note });
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<InventoryCheckDto>(errors);
        }
        var check = new InventoryCheck
        {
            Id = Guid.NewGuid(),
            AgreementId = agreementId,
            CheckedAt = checkedAt,
            RecordedByUserId = caller.UserId,
            CheckingAgencyId = caller.AgencyId,
            CheckerName = checker,
            Place = place!,
            Latitude = request.Latitude,
            Longitude = request.Longitude,
            Lines = checkLines,
            CreatedAt = Now,
        };
        db.Add(check);
        var approved = (await db.Set<TransferRequest>().AsNoTracking()
                .Where(t => t.AgreementId == agreementId && t.Status == TransferStatus.Approved).Select(t => t.SerialNumbers).ToListAsync())
            .SelectMany(s => s).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        var unauthorised = new List<string>();
        foreach (var line in checkLines)
        {
            var item = bySerial[line.SerialNumber];
            item.LastStatus = line.Status;
            item.LastCheckedAt = checkedAt;
            if (line.Status == SerialStatus.Missing && item.MissingAlertedAt is null)
            {
                item.MissingAlertedAt = Now;
                missing.Add(item.SerialNumber);
            }
            if (line.Status == SerialStatus.Transferred && !approved.Contains(item.SerialNumber) && item.TransferAlertedAt is null)
            {
                item.TransferAlertedAt = Now;
                unauthorised.Add(item.SerialNumber);
            }
        }
        // A complete check (every delivered serial accounted for) starts the next interval; a partial one leaves the date.
        if (items.All(i => listed.Contains(i.SerialNumber)))
        {
            agreement.NextInventoryDueOn = DateOnly.FromDateTime(checkedAt).AddMonths(agreement.InventoryIntervalMonths);
        }
        if (missing.Count > 0)
        {
            await EquipmentAlerts.RaiseAsync(db, agreement, new AlertDraft(EquipmentAlerts.MissingKind, AlertSeverity.High,
                $"Serial number(s) missing at inventory: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? " …" : "")}", Now)
            {
                Detail = $"Inventory at {place} on {checkedAt:yyyy-MM-dd HH:mm} UTC under '{agreement.Title}': {missing.Count} serial number(s) not found.",
                Evidence = new { check = check.Id, serials = missing },
            });
        }
        if (unauthorised.Count > 0)
        {
            await EquipmentAlerts.RaiseAsync(db, agreement, new AlertDraft(EquipmentAlerts.TransferKind, AlertSeverity.High,
                $"Transferred without the supplier's consent: {string.Join(", ", unauthorised.Take(10))}{(unauthorised.Count > 10 ? " …" : "")}", Now)
            {
                Detail = $"Inventory at {place} on {checkedAt:yyyy-MM-dd HH:mm} UTC under '{agreement.Title}' records {unauthorised.Count} serial number(s) as transferred with no approved transfer request.",
                Evidence = new { check = check.Id, serials = unauthorised },
            });
        }
        await db.SaveChangesAsync();
        return Outcome.Ok(ToDto(check, await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.UserName ?? "").FirstAsync(), await CodesAsync()));
    }

    private async Task<AgreementDto> DetailAsync(SupplyAgreement agreement)
    {
        var codes = await CodesAsync();
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.AgreementId == agreement.Id).OrderBy(d => d.DeliveredOn).ToListAsync();
        var items = await db.Set<DeliveredItem>().AsNoTracking().Where(i => i.AgreementId == agreement.Id).OrderBy(i => i.SerialNumber).ToListAsync();
        var checks = await db.Set<InventoryCheck>().AsNoTracking().Where(c => c.AgreementId == agreement.Id).OrderByDescending(c => c.CheckedAt).Take(100).ToListAsync();
        var transfers = await db.Set<TransferRequest>().AsNoTracking().Where(t => t.AgreementId == agreement.Id).OrderByDescending(t => t.RequestedAt).ToListAsync();
        var userIds = checks.Select(c => c.RecordedByUserId).Concat(transfers.Select(t => t.RequestedByUserId))
            .Concat(transfers.Select(t => t.DecidedByUserId).OfType<Guid>()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        SerialDto Serial(DeliveredItem i) => new(i.ItemType, i.SerialNumber, i.LastStatus, i.LastCheckedAt);
        var itemsBy = items.ToLookup(i => i.DeliveryId);
        return ToDto(agreement, await markings.DescribeAsync(agreement), codes) with
        {
            Deliveries = deliveries.Select(d => new DeliveryDto(d.Id, d.AgreementId, d.DeliveredOn, d.Note, itemsBy[d.Id].Select(Serial).ToList())).ToList(),
            Serials = items.Select(Serial).ToList(),
            Checks = checks.Select(c => ToDto(c, users.GetValueOrDefault(c.RecordedByUserId, "?"), codes)).ToList(),
            Transfers = transfers.Select(t => TransferConsent.ToDto(t, users, codes)).ToList(),
        };
    }

    private AgreementDto ToDto(SupplyAgreement a, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes)
    {
        var today = Today;
        var overdue = a.NextInventoryDueOn is { } due && due < today;
        return new AgreementDto(a.Id, a.Title, codes.GetValueOrDefault(a.OwnerAgencyId, "?"), codes.GetValueOrDefault(a.RecipientAgencyId, "?"),
            a.Items.Select(i => new SupplyItemDto(i.ItemType, i.Quantity)).ToList(), a.EndUseAssurances, a.AssurancesSignedOn, a.Monitoring,
            a.InventoryIntervalMonths, a.NextInventoryDueOn, overdue, overdue ? today.DayNumber - a.NextInventoryDueOn!.Value.DayNumber : 0,
            a.CreatedAt, marking);
    }

    private static InventoryCheckDto ToDto(InventoryCheck c, string recordedBy, IReadOnlyDictionary<Guid, string> codes)
        => new(c.Id, c.AgreementId, c.CheckedAt, recordedBy, codes.GetValueOrDefault(c.CheckingAgencyId, "?"), c.CheckerName, c.Place,
            c.Latitude, c.Longitude, c.Lines.Select(l => new InventoryLineDto(l.SerialNumber, l.Status.ToString(), l.Note)).ToList());

    private Task<Dictionary<Guid, string>> CodesAsync() => db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);

    internal static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
           && date.Year is >= 1990 and <= 2100;
}
