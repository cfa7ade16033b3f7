using System.Net;
using System.Text.Json;
using Jsms.Features.Alerts;
using Jsms.Features.Operations;
using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Access;

/// <summary>
/// The demo app with one record of each module that <see cref="Outsider"/> may not read: created by PK-NACTA (or, for an
/// equipment agreement, by RU-NAC for PK-NACTA) at TLP:AMBER with no release to the outsider's agency, with its nested
/// records (injects, objectives, improvement items, sessions, enrolments, deliveries, transfers...). Operations records
/// come from the demo scenario: the first the outsider may not read. Built once, on first use.
/// </summary>
public sealed class ForeignRecordApp : JsmsTestApp
{
    /// <summary>A writer of an agency (US-CT) that none of the records is released to.</summary>
    public const string Outsider = "us.analyst";

    private readonly SemaphoreSlim _once = new(1, 1);
    private Dictionary<string, Guid>? _ids;

    /// <summary>The ids of the foreign records by placeholder name (<c>exercise</c>, <c>inject</c>, ...).</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> IdsAsync()
    {
        await _once.WaitAsync();
        try
        {
            return _ids ??= await BuildAsync();
        }
        finally
        {
            _once.Release();
        }
    }

    private static readonly object Amber = new { tlp = "AMBER" };

    private async Task<Dictionary<string, Guid>> BuildAsync()
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        using var pk = await LoginAs("pk.analyst");
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        // Exercises: one in the hot wash (objective, inject, phase decisions, an improvement item).
        var exercise = await Created(await pk.Post("/api/exercises", new
        {
            name = $"Closed drill {Guid.NewGuid():N}",
            kind = "Tabletop",
            startsOn = today.ToString("yyyy-MM-dd"),
            endsOn = today.AddDays(1).ToString("yyyy-MM-dd"),
            participants = Array.Empty<string>(),
            objectives = new[] { new { code = "O1", text = "Share a contact report within 15 minutes." } },
            marking = Amber,
        }));
        ids["exercise"] = Id(exercise);
        ids["objective"] = exercise.GetProperty("objectives")[0].GetProperty("id").GetGuid();
        var withInject = await Ok(await pk.Post($"/api/exercises/{ids["exercise"]}/injects", new
        {
            plannedAt = Clock.GetUtcNow().UtcDateTime.AddHours(1), sender = "EXCON", receiver = "Ops room", method = "Phone", content = "A call.",
        }));
        ids["inject"] = withInject.GetProperty("injects")[0].GetProperty("id").GetGuid();
        var phase = withInject;
        while (phase.GetProperty("phase").GetString() != "HotWash")
        {
            phase = await Ok(await pk.Post($"/api/exercises/{ids["exercise"]}/phase",
                new { to = phase.GetProperty("nextPhase").GetString(), note = "Agreed." }));
        }
        var improved = await Ok(await pk.Post($"/api/exercises/{ids["exercise"]}/improvements",
            new { correctiveAction = "Write the call-out list.", ownerAgency = "PK-NACTA", dueOn = today.AddDays(30).ToString("yyyy-MM-dd") }));
        ids["improvement"] = improved.GetProperty("improvements")[0].GetProperty("id").GetGuid();

        // Lessons.
        ids["lesson"] = Id(await Created(await pk.Post("/api/lessons", new { title = "Closed lesson", observation = "The radio failed.", marking = Amber })));

        // Training: a course with a session and an enrolment.
        ids["course"] = Id(await Created(await pk.Post("/api/training/courses", new
        {
            topic = $"Closed course {Guid.NewGuid():N}", durationHours = 8, certificateValidityMonths = 12, marking = Amber,
        })));
        ids["session"] = Id(await Created(await pk.Post($"/api/training/courses/{ids["course"]}/sessions",
            new { startsOn = today.ToString("yyyy-MM-dd"), place = "Islamabad" })));
        ids["enrolment"] = Id(await Created(await pk.Post($"/api/training/sessions/{ids["session"]}/enrolments", new { userName = "pk.coordinator" })));

        // Equipment: RU-NAC supplies PK-NACTA; a delivery, an inventory check and a transfer request.
        using var ru = await LoginAs("ru.analyst");
        ids["agreement"] = Id(await Created(await ru.Post("/api/equipment/agreements", new
        {
            title = $"Closed supply {Guid.NewGuid():N}", recipient = "PK-NACTA",
            items = new[] { new { itemType = "Radio", quantity = 2 } },
            endUseAssurances = "No transfer without consent.", assurancesSignedOn = today.AddDays(-5).ToString("yyyy-MM-dd"),
            monitoring = "enhanced", inventoryIntervalMonths = 6, marking = Amber,
        })));
        var tag = ids["agreement"].ToString("N")[..6];
        await Created(await ru.Post($"/api/equipment/agreements/{ids["agreement"]}/deliveries", new
        {
            deliveredOn = today.ToString("yyyy-MM-dd"),
            items = new[] { new { itemType = "Radio", serialNumber = $"R-{tag}-1" }, new { itemType = "Radio", serialNumber = $"R-{tag}-2" } },
        }));
        await Created(await pk.Post($"/api/equipment/agreements/{ids["agreement"]}/inventories",
            new { place = "Armoury", lines = new[] { new { serialNumber = $"R-{tag}-1", status = "Found" } } }));
        ids["transfer"] = Id(await Created(await pk.Post($"/api/equipment/agreements/{ids["agreement"]}/transfers",
            new { thirdParty = "Provincial police", serialNumbers = new[] { $"R-{tag}-2" }, reason = "Border post." })));
        SerialPrefix = $"R-{tag}-";

        // Assistance.
        ids["activity"] = Id(await Created(await pk.Post("/api/assistance/activities", new
        {
            iatiIdentifier = $"PK-NACTA-{tag}", title = "Closed activity", implementer = "NACTA", sectorCode = "15130", status = 2,
            plannedStart = "2026-01-01", defaultCurrency = "USD", marking = Amber,
        })));

        // Incidents.
        ids["incident"] = Id(await Created(await pk.Post("/api/incidents", new
        {
            title = $"Closed incident {Guid.NewGuid():N}", occurredOn = "2026-02-14", datePrecision = "Day", latitude = 34.87, longitude = 72.98,
            country = "PK", admin1 = "Khyber Pakhtunkhwa", placePrecision = "Near", attackTypes = new[] { 3 }, marking = Amber,
        })));

        // Alerts: raised for PK-NACTA only.
        ids["alert"] = await WithDb(async db =>
        {
            var owner = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
            var creator = await db.Users.Where(u => u.UserName == "pk.coordinator").Select(u => u.Id).SingleAsync();
            var alert = db.Raise(new AlertDraft("test.refusals", AlertSeverity.Medium, "Closed alert", Clock.GetUtcNow().UtcDateTime),
                new AlertAudience(owner, Tlp.Amber, creator, [], []), []);
            await db.SaveChangesAsync();
            return alert.Id;
        });

        // Operations: the demo's records the outsider may not read.
        ids["consentRequest"] = (await HiddenAsync<ConsentRequest>()).Id;
        ids["consent"] = (await HiddenAsync<Consent>()).Id;
        ids["operation"] = (await HiddenAsync<JointOperation>()).Id;
        return ids;
    }

    /// <summary>The serial numbers delivered under the foreign agreement start so.</summary>
    public string SerialPrefix { get; private set; } = "";

    /// <summary>A record of <typeparamref name="T"/> the outsider may not read (demo data or this app's own).</summary>
    internal Task<T> HiddenAsync<T>() where T : class, IReleasable
        => WithDb(async db =>
        {
            var outsider = (await Caller.ForUserAsync(await db.Users.Where(u => u.UserName == Outsider).Select(u => u.Id).SingleAsync(), db))!;
            var readable = db.Readable<T>(outsider).Select(r => r.Id);
            return await db.Set<T>().AsNoTracking().Where(r => !readable.Contains(r.Id)).OrderBy(r => r.Id).FirstOrDefaultAsync()
                   ?? throw new InvalidOperationException($"No {typeof(T).Name} is hidden from {Outsider}.");
        });

    private static Guid Id(JsonElement record) => record.GetProperty("id").GetGuid();

    private static Task<JsonElement> Created(HttpResponseMessage response) => Read(response, HttpStatusCode.Created);

    private static Task<JsonElement> Ok(HttpResponseMessage response) => Read(response, HttpStatusCode.OK);

    private static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
