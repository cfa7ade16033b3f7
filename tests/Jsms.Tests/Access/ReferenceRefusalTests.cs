using System.Net;
using System.Text.Json;
using Jsms.Features.Assistance;
using Jsms.Features.Consultations;
using Jsms.Features.Incidents;
using Jsms.Features.Intelligence;
using Jsms.Features.Lessons;
using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Access;

/// <summary>
/// A request body that names a record the caller may not read (another agency's exercise, incident, site, alert, STIX
/// object, commitment, collection...) is refused as a whole with 404 naming the field, as if the record did not exist,
/// and nothing is stored. Names that are not records but values of one (serial numbers of an agreement) are refused
/// naming the field with the same answer whether they exist elsewhere or nowhere.
/// </summary>
public sealed class ReferenceRefusalTests(ForeignRecordApp app) : IClassFixture<ForeignRecordApp>
{
    private static async Task AssertNotFoundNaming(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"Expected 404 naming {field}, got {(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"The problem names {field}: {body}");
    }

    [Fact]
    public async Task An_observation_naming_an_exercise_operation_or_incident_the_caller_may_not_read_is_refused_and_not_stored()
    {
        var ids = await app.IdsAsync();
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var title = $"Borrowed lesson {Guid.NewGuid():N}";
        foreach (var (field, id) in new[] { ("exerciseId", ids["exercise"]), ("operationId", ids["operation"]), ("incidentId", ids["incident"]) })
        {
            var body = new Dictionary<string, object> { ["title"] = title, ["observation"] = "Seen elsewhere.", [field] = id };
            await AssertNotFoundNaming(await outsider.Post("/api/lessons", body), field);
        }
        var fromItem = await outsider.Post("/api/lessons/from-improvement", new { exerciseId = ids["exercise"], itemId = ids["improvement"] });
        Assert.Equal(HttpStatusCode.NotFound, fromItem.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Set<Lesson>().CountAsync(l => l.Title == title || l.ImprovementItemId == ids["improvement"])));
    }

    [Fact]
    public async Task An_exercise_naming_a_consent_the_caller_may_not_read_is_refused_and_not_stored()
    {
        var consent = await app.HiddenAsync<Consent>();
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var name = $"Borrowed consent {Guid.NewGuid():N}";
        var response = await outsider.Post("/api/exercises", new
        {
            name, kind = "Tabletop", startsOn = "2026-04-01", endsOn = "2026-04-02", participants = Array.Empty<string>(), consentId = consent.Id,
        });
        await AssertNotFoundNaming(response, "consentId");
        Assert.Equal(0, await app.WithDb(db => db.Set<Jsms.Features.Exercises.Exercise>().CountAsync(e => e.Name == name)));
    }

    [Fact]
    public async Task An_incident_linking_a_site_alert_or_stix_object_the_caller_may_not_read_is_refused_and_not_stored()
    {
        var ids = await app.IdsAsync();
        var site = await app.HiddenAsync<Site>();
        var stix = await app.HiddenAsync<StixObjectVersion>();
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var title = $"Borrowed links {Guid.NewGuid():N}";
        var links = new (string Field, string Position, object Value)[]
        {
            ("siteIds", "siteIds[0]", new[] { site.Id }),
            ("alertIds", "alertIds[0]", new[] { ids["alert"] }),
            ("stixIds", "stixIds[0]", new[] { stix.StixId }),
        };
        foreach (var (field, position, value) in links)
        {
            var body = new Dictionary<string, object>
            {
                ["title"] = title, ["occurredOn"] = "2026-02-14", ["datePrecision"] = "Day", ["country"] = "US", ["placePrecision"] = "Country",
                ["attackTypes"] = new[] { 3 }, [field] = value,
            };
            await AssertNotFoundNaming(await outsider.Post("/api/incidents", body), position);
        }
        Assert.Equal(0, await app.WithDb(db => db.Set<Incident>().CountAsync(i => i.Title == title)));
    }

    [Fact]
    public async Task Merging_in_an_incident_the_caller_may_not_read_is_refused_naming_it_and_changes_neither()
    {
        var ids = await app.IdsAsync();
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var own = await (await outsider.Post("/api/incidents", new
        {
            title = $"Own incident {Guid.NewGuid():N}", occurredOn = "2026-02-14", datePrecision = "Day", country = "US", placePrecision = "Country",
            attackTypes = new[] { 3 },
        })).Read<JsonElement>(HttpStatusCode.Created);
        var response = await outsider.Post($"/api/incidents/{own.GetProperty("id").GetGuid()}/merge", new { otherId = ids["incident"] });
        await AssertNotFoundNaming(response, "otherId");
        Assert.False(await app.WithDb(db => db.Set<Incident>().AnyAsync(i => i.Id == ids["incident"] && i.MergedIntoId != null)));
    }

    [Fact]
    public async Task An_activity_naming_a_commitment_the_caller_may_not_read_is_refused_and_not_stored()
    {
        var commitment = await app.HiddenAsync<Commitment>();
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var title = $"Borrowed commitment {Guid.NewGuid():N}";
        var response = await outsider.Post("/api/assistance/activities", new
        {
            iatiIdentifier = $"US-CT-{Guid.NewGuid():N}"[..20], title, implementer = "Someone", sectorCode = "15130", status = 2,
            plannedStart = "2026-01-01", commitmentIds = new[] { commitment.Id },
        });
        await AssertNotFoundNaming(response, "commitmentIds[0]");
        Assert.Equal(0, await app.WithDb(db => db.Set<AssistanceActivity>().CountAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Serials_of_an_agreement_the_caller_may_not_read_are_unknown_to_its_own_agreement_and_nothing_is_stored()
    {
        await app.IdsAsync();
        var foreignSerial = app.SerialPrefix + "1";
        // US-CT supplies PK-NACTA under an agreement of its own, then PK-NACTA names the serial of RU-NAC's agreement under it.
        using var us = await app.LoginAs(ForeignRecordApp.Outsider);
        var agreement = await (await us.Post("/api/equipment/agreements", new
        {
            title = $"Own supply {Guid.NewGuid():N}", recipient = "PK-NACTA", items = new[] { new { itemType = "Radio", quantity = 1 } },
            endUseAssurances = "No transfer without consent.", assurancesSignedOn = "2026-03-01", monitoring = "routine", inventoryIntervalMonths = 6,
        })).Read<JsonElement>(HttpStatusCode.Created);
        var id = agreement.GetProperty("id").GetGuid();
        await (await us.Post($"/api/equipment/agreements/{id}/deliveries", new
        {
            deliveredOn = "2026-03-05", items = new[] { new { itemType = "Radio", serialNumber = $"US-{id:N}" } },
        })).Read<JsonElement>(HttpStatusCode.Created);

        using var pk = await app.LoginAs("pk.analyst");
        var transfer = await pk.Post($"/api/equipment/agreements/{id}/transfers", new { thirdParty = "Anyone", serialNumbers = new[] { foreignSerial }, reason = "Because." });
        Assert.Contains("serialNumbers", (await transfer.ValidationErrors()).Keys);
        var inventory = await us.Post($"/api/equipment/agreements/{id}/inventories",
            new { place = "Depot", lines = new[] { new { serialNumber = foreignSerial, status = "Found" } } });
        Assert.Contains("lines[0].serialNumber", (await inventory.ValidationErrors()).Keys);
        var after = await us.GetAs<JsonElement>($"/api/equipment/agreements/{id}");
        Assert.Equal(0, after.GetProperty("transfers").GetArrayLength());
        Assert.Equal(0, after.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Sharing_incidents_into_another_agency_s_collection_is_refused_naming_it_and_stores_nothing()
    {
        var collection = await app.WithDb(db => db.Set<StixCollection>().AsNoTracking().OrderBy(c => c.CreatedAt).FirstAsync());
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var before = await app.WithDb(db => db.Set<StixObjectVersion>().CountAsync(o => o.CollectionId == collection.Id));
        await AssertNotFoundNaming(await outsider.Post("/api/incidents/share", new { collectionId = collection.Id }), "collectionId");
        await AssertNotFoundNaming(await outsider.Post("/api/incidents/share", new { collectionId = Guid.NewGuid() }), "collectionId");
        Assert.Equal(before, await app.WithDb(db => db.Set<StixObjectVersion>().CountAsync(o => o.CollectionId == collection.Id)));
    }
}
