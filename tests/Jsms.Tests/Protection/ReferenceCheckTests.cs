using System.Net;
using Jsms.Features.Consultations;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Protection;

/// <summary>
/// A request may name only records its caller may read (docs/access-policy.md, "References"): a movement's vehicles,
/// escort and principals, a commitment's meeting. Anything else answers 404 naming the field, and nothing is written.
/// </summary>
public sealed class ReferenceCheckTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private async Task<string> NewDevice(string user, string tlp, string[]? releaseTo = null)
    {
        using var client = await app.LoginAs(user);
        var uniqueId = "ref-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.Post("/api/devices", new { uniqueId, name = "Tracker " + uniqueId, marking = new { tlp, releaseTo } }))
            .Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    private static object Movement(string name, string[]? vehicles = null, string[]? escort = null, Guid[]? principals = null) => new
    {
        name,
        status = "UnderWay",
        vehicles,
        escort,
        principals,
        marking = new { recipients = new[] { "cn.liaison" } },
    };

    private Task<int> MovementsNamed(string name) => app.WithDb(db => db.Set<Movement>().CountAsync(m => m.Name == name));

    private static async Task<IDictionary<string, string[]>> NotFoundFields(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ValidationProblemAsync();
        Assert.Equal(404, problem.Status);
        return problem.Errors;
    }

    [Fact]
    public async Task Movement_naming_a_partners_tracker_it_may_not_read_answers_404_naming_the_field_and_writes_nothing()
    {
        var partners = await NewDevice("pk.analyst", "AMBER+STRICT");
        var own = await NewDevice("cn.coordinator", "AMBER");
        using var china = await app.LoginAs("cn.coordinator");
        var name = "Convoy " + Guid.NewGuid().ToString("N");

        var fields = await NotFoundFields(await china.Post("/api/movements", Movement(name, vehicles: [own, partners])));

        Assert.Equal(["vehicles[1]"], fields.Keys);
        Assert.Equal(0, await MovementsNamed(name));
    }

    [Fact]
    public async Task Movement_naming_ids_that_exist_nowhere_answers_404_for_each_field()
    {
        using var china = await app.LoginAs("cn.coordinator");
        var name = "Convoy " + Guid.NewGuid().ToString("N");

        var fields = await NotFoundFields(await china.Post("/api/movements",
            Movement(name, vehicles: ["nowhere-" + Guid.NewGuid()], escort: ["", "nowhere-too"], principals: [Guid.NewGuid()])));

        Assert.Equal(["escort[1]", "principals[0]", "vehicles[0]"], fields.Keys.Order());
        Assert.Equal(0, await MovementsNamed(name));
    }

    [Fact]
    public async Task Movement_naming_its_own_and_released_trackers_is_created_and_an_update_is_checked_too()
    {
        var own = await NewDevice("cn.coordinator", "AMBER+STRICT");
        var released = await NewDevice("pk.analyst", "AMBER", ["CN-MPS"]);
        var hidden = await NewDevice("pk.analyst", "RED");
        using var china = await app.LoginAs("cn.coordinator");
        var name = "Convoy " + Guid.NewGuid().ToString("N");

        var movement = await (await china.Post("/api/movements", Movement(name, vehicles: [own], escort: [released]))).Read<MovementDto>(HttpStatusCode.Created);

        Assert.Equal([own], movement.Vehicles);
        Assert.Equal([released], movement.Escort);
        var fields = await NotFoundFields(await china.Put($"/api/movements/{movement.Id}", Movement(name, vehicles: [own, hidden])));
        Assert.Equal(["vehicles[1]"], fields.Keys);
        Assert.Equal([own], (await china.GetAs<MovementDto>($"/api/movements/{movement.Id}")).Vehicles);
    }

    [Fact]
    public async Task Commitment_naming_a_meeting_the_caller_may_not_read_answers_404_naming_the_field()
    {
        using var pakistan = await app.LoginAs("pk.analyst");
        var dialogue = await (await pakistan.Post("/api/consultations/dialogues", new
        {
            title = "Dialogue " + Guid.NewGuid().ToString("N"),
            parties = new[] { "PK-NACTA", "CN-MPS" },
            marking = new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } },
        })).Read<DialogueDto>(HttpStatusCode.Created);
        var strict = await (await pakistan.Post($"/api/consultations/dialogues/{dialogue.Id}/meetings",
            new { title = "Closed session", heldOn = "2026-03-09", marking = new { tlp = "AMBER+STRICT" } })).Read<MeetingDto>(HttpStatusCode.Created);
        var open = await (await pakistan.Post($"/api/consultations/dialogues/{dialogue.Id}/meetings",
            new { title = "Plenary", heldOn = "2026-03-09", marking = new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } } })).Read<MeetingDto>(HttpStatusCode.Created);
        using var china = await app.LoginAs("cn.coordinator");
        object Commitment(string title, Guid meetingId) => new { title, sector = "Security", dueOn = "2026-04-01", meetingId };
        var title = "Commitment " + Guid.NewGuid().ToString("N");

        Assert.Equal(["meetingId"], (await NotFoundFields(await china.Post($"/api/consultations/dialogues/{dialogue.Id}/commitments", Commitment(title, strict.Id)))).Keys);
        Assert.Equal(["meetingId"], (await NotFoundFields(await china.Post($"/api/consultations/dialogues/{dialogue.Id}/commitments", Commitment(title, Guid.NewGuid())))).Keys);
        Assert.Equal(0, await app.WithDb(db => db.Set<Commitment>().CountAsync(c => c.Title == title)));

        var made = await (await china.Post($"/api/consultations/dialogues/{dialogue.Id}/commitments", Commitment(title, open.Id))).Read<CommitmentDto>(HttpStatusCode.Created);
        Assert.Equal(open.Id, made.MeetingId);
    }
}
