using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Consultations;

/// <summary>The urgent channel: sending, acknowledging, who may do what, and escalation when the deadline passes.</summary>
public sealed class UrgentChannelTests(ConsultationsTestApp app) : IClassFixture<ConsultationsTestApp>
{
    private const string Base = "/api/consultations/urgent";

    private async Task<UrgentMessageDto> Send(string from, string to, int minutes = 60, object? marking = null)
    {
        using var client = await app.LoginAs(from);
        var response = await client.Post(Base, new
        {
            to,
            subject = $"Clarify movement near the border {Guid.NewGuid():N}",
            body = "Please confirm whether this is an operation of your forces.",
            acknowledgeWithinMinutes = minutes,
            marking,
        });
        return await response.Read<UrgentMessageDto>(HttpStatusCode.Created);
    }

    private Task<List<Alert>> AlertsFor(Guid messageId)
        => app.WithDb(db => db.Set<Alert>().AsNoTracking().Where(a => a.SubjectId == messageId).ToListAsync());

    private Task<int> Escalate() => app.Service<UrgentChannelMonitor>().EscalateOverdueAsync(CancellationToken.None);

    [Fact]
    public async Task Message_is_owned_by_the_sender_released_to_the_recipient_and_acknowledged_with_a_reply()
    {
        var sent = await Send("pk.coordinator", "IR-MOI");
        Assert.Equal("PK-NACTA", sent.From);
        Assert.Equal("IR-MOI", sent.To);
        Assert.Equal("pk.coordinator", sent.SentBy);
        Assert.Equal("AMBER", sent.Marking.Tlp);
        Assert.Equal("PK-NACTA", sent.Marking.OwnerAgency);
        Assert.Contains("IR-MOI", sent.Marking.ReleaseTo);
        Assert.Equal(UrgentState.Pending, sent.State);
        Assert.Equal(sent.SentAt.AddMinutes(60), sent.AcknowledgeBy);

        using var iran = await app.LoginAs("ir.coordinator");
        var box = await iran.GetAs<UrgentBoxDto>(Base);
        Assert.Contains(box.Inbox, m => m.Id == sent.Id);
        Assert.DoesNotContain(box.Outbox, m => m.Id == sent.Id);

        var acknowledged = await (await iran.Post($"{Base}/{sent.Id}/acknowledge", new { reply = "Not our forces; liaison officer will call." }))
            .Read<UrgentMessageDto>();
        Assert.Equal(UrgentState.Acknowledged, acknowledged.State);
        Assert.Equal("ir.coordinator", acknowledged.AcknowledgedBy);

        using var pakistan = await app.LoginAs("pk.analyst");
        var outbox = (await pakistan.GetAs<UrgentBoxDto>(Base)).Outbox;
        var mine = Assert.Single(outbox, m => m.Id == sent.Id);
        Assert.Equal("Not our forces; liaison officer will call.", mine.Reply);

        var again = await iran.Post($"{Base}/{sent.Id}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Only_a_writer_of_the_recipient_agency_can_acknowledge()
    {
        var sent = await Send("cn.liaison", "PK-NACTA");

        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"{Base}/{sent.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Post($"{Base}/{sent.Id}/acknowledge", new { })).StatusCode);
        Assert.DoesNotContain((await russia.GetAs<UrgentBoxDto>(Base)).Inbox, m => m.Id == sent.Id);

        // The sender's own agency reads it but cannot acknowledge its own message.
        using var china = await app.LoginAs("cn.coordinator");
        Assert.Equal(HttpStatusCode.OK, (await china.GetAsync($"{Base}/{sent.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.Post($"{Base}/{sent.Id}/acknowledge", new { })).StatusCode);

        // A viewer of the recipient agency reads it; acknowledging needs a writing role.
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Base}/{sent.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post($"{Base}/{sent.Id}/acknowledge", new { })).StatusCode);

        using var analyst = await app.LoginAs("pk.analyst");
        var acknowledged = await (await analyst.Post($"{Base}/{sent.Id}/acknowledge", new { })).Read<UrgentMessageDto>();
        Assert.Equal(UrgentState.Acknowledged, acknowledged.State);
    }

    [Fact]
    public async Task Bad_urgent_input_gets_400_naming_each_field()
    {
        using var client = await app.LoginAs("pk.coordinator");
        var errors = await (await client.Post(Base, new { to = "XX-NONE", acknowledgeWithinMinutes = 0 })).ValidationErrors();
        Assert.Contains("to", errors.Keys);
        Assert.Contains("subject", errors.Keys);
        Assert.Contains("body", errors.Keys);
        Assert.Contains("acknowledgeWithinMinutes", errors.Keys);

        var own = await (await client.Post(Base, new { to = "PK-NACTA", subject = "s", body = "b", acknowledgeWithinMinutes = 5 })).ValidationErrors();
        Assert.Contains("to", own.Keys);

        // At AMBER+STRICT release-to does not reach the recipient: a named recipient of that agency is required.
        var strict = await (await client.Post(Base, new { to = "IR-MOI", subject = "s", body = "b", acknowledgeWithinMinutes = 5, marking = new { tlp = "AMBER+STRICT" } }))
            .ValidationErrors();
        Assert.Contains("marking.tlp", strict.Keys);
        var named = await Send("pk.coordinator", "IR-MOI", marking: new { tlp = "AMBER+STRICT", recipients = new[] { "ir.coordinator" } });
        using var iran = await app.LoginAs("ir.coordinator");
        Assert.Equal(HttpStatusCode.OK, (await iran.GetAsync($"{Base}/{named.Id}")).StatusCode);
    }

    [Fact]
    public async Task Every_read_of_a_message_is_audited()
    {
        var sent = await Send("pk.coordinator", "CN-MPS");
        var before = await app.AuditCount(sent.Id, "read");
        using var china = await app.LoginAs("cn.liaison");
        await china.GetAs<UrgentMessageDto>($"{Base}/{sent.Id}");
        await china.GetAs<UrgentBoxDto>(Base);
        Assert.Equal(before + 2, await app.AuditCount(sent.Id, "read"));
        Assert.Equal(1, await app.AuditCount(sent.Id, "create"));
    }

    [Fact]
    public async Task Unacknowledged_message_past_its_deadline_raises_exactly_one_alert_for_the_senders_coordinators()
    {
        var sent = await Send("pk.analyst", "IR-MOI", minutes: 30);
        await Escalate();
        Assert.Empty(await AlertsFor(sent.Id)); // not yet due

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await Escalate();
        var alert = Assert.Single(await AlertsFor(sent.Id));
        Assert.Equal(UrgentChannelMonitor.AlertKind, alert.Kind);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal(Jsms.Platform.Access.Tlp.AmberStrict, alert.Tlp);
        Assert.Equal(1, await app.AuditCount(sent.Id, "escalate"));

        // The sender's coordinators see it; the recipient agency does not.
        foreach (var user in new[] { "pk.coordinator", "admin", "pk.analyst" })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
            Assert.Contains(await client.GetAs<List<AlertDto>>($"/api/alerts?kind={UrgentChannelMonitor.AlertKind}"), a => a.Id == alert.Id);
        }
        using var iran = await app.LoginAs("ir.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await iran.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
        Assert.DoesNotContain(await iran.GetAs<List<AlertDto>>("/api/alerts"), a => a.Id == alert.Id);

        // A second pass raises no duplicate, and the message shows it was escalated.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Escalate();
        Assert.Single(await AlertsFor(sent.Id));
        using var pakistan = await app.LoginAs("pk.analyst");
        var message = await pakistan.GetAs<UrgentMessageDto>($"{Base}/{sent.Id}");
        Assert.Equal(UrgentState.Overdue, message.State);
        Assert.NotNull(message.EscalatedAt);
    }

    [Fact]
    public async Task Acknowledged_message_raises_no_alert_even_after_its_deadline()
    {
        var sent = await Send("pk.coordinator", "CN-MPS", minutes: 10);
        using var china = await app.LoginAs("cn.liaison");
        await (await china.Post($"{Base}/{sent.Id}/acknowledge", new { reply = "Received." })).Read<UrgentMessageDto>();

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await Escalate();
        Assert.Empty(await AlertsFor(sent.Id));
    }
}
