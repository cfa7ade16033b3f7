using System.Net;
using Jsms.Features.Consultations;

namespace Jsms.Tests.Consultations;

/// <summary>Dialogues, meetings and commitments over HTTP: the happy paths and every refusal.</summary>
public sealed class ConsultationApiTests(ConsultationsTestApp app) : IClassFixture<ConsultationsTestApp>
{
    private const string Base = "/api/consultations";

    private async Task<DialogueDto> CreateDialogue(string user, object? marking, string title = "Test dialogue")
    {
        using var client = await app.LoginAs(user);
        var response = await client.Post($"{Base}/dialogues", new
        {
            title = $"{title} {Guid.NewGuid():N}",
            format = "Working group",
            parties = new[] { "PK-NACTA", "CN-MPS" },
            marking,
        });
        return await response.Read<DialogueDto>(HttpStatusCode.Created);
    }

    private async Task<CommitmentDto> CreateCommitment(string user, Guid dialogueId, int dueInDays, string status = "Planned",
        int? percent = null, object? marking = null, string sector = "Security")
    {
        using var client = await app.LoginAs(user);
        var response = await client.Post($"{Base}/dialogues/{dialogueId}/commitments", new
        {
            title = $"Commitment {Guid.NewGuid():N}",
            sector,
            dueOn = app.Today.AddDays(dueInDays).ToString("yyyy-MM-dd"),
            status,
            percentComplete = percent,
            marking,
        });
        return await response.Read<CommitmentDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Analyst_creates_a_dialogue_a_meeting_and_a_commitment_and_reads_them_back_with_markings()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } });
        Assert.Equal("AMBER", dialogue.Marking.Tlp);
        Assert.Equal("PK-NACTA", dialogue.Marking.OwnerAgency);
        Assert.Equal(["CN-MPS"], dialogue.Marking.ReleaseTo);
        Assert.Equal(["CN-MPS", "PK-NACTA"], dialogue.Parties);

        using var client = await app.LoginAs("pk.analyst");
        var meeting = await (await client.Post($"{Base}/dialogues/{dialogue.Id}/meetings", new
        {
            title = "Joint working group",
            heldOn = "2026-03-02",
            place = "Islamabad",
            participants = "NACTA; MPS delegation",
            agenda = "1. Joint security management system",
        })).Read<MeetingDto>(HttpStatusCode.Created);
        // Without a marking a child inherits the dialogue's audience.
        Assert.Equal("AMBER", meeting.Marking.Tlp);
        Assert.Equal(["CN-MPS"], meeting.Marking.ReleaseTo);

        var commitment = await (await client.Post($"{Base}/dialogues/{dialogue.Id}/commitments", new
        {
            title = "Outer-perimeter control at the airport",
            sector = "counter-terrorism",
            responsibleAgency = "PK-SINDH",
            dueOn = app.Today.AddDays(30).ToString("yyyy-MM-dd"),
            meetingId = meeting.Id,
        })).Read<CommitmentDto>(HttpStatusCode.Created);
        Assert.Equal(Sector.CounterTerrorism, commitment.Sector);
        Assert.Equal("PK-SINDH", commitment.ResponsibleAgency);
        Assert.Equal(CommitmentStatus.Planned, commitment.Status);
        Assert.Equal(meeting.Id, commitment.MeetingId);
        Assert.False(commitment.Overdue);

        var detail = await client.GetAs<DialogueDto>($"{Base}/dialogues/{dialogue.Id}");
        Assert.Equal(meeting.Id, Assert.Single(detail.Meetings!).Id);
        Assert.Equal(commitment.Id, Assert.Single(detail.Commitments!).Id);
        Assert.Equal(["CN-MPS"], detail.Commitments![0].Marking.ReleaseTo);

        // The partner it is released to reads the whole dialogue.
        using var partner = await app.LoginAs("cn.liaison");
        var seen = await partner.GetAs<DialogueDto>($"{Base}/dialogues/{dialogue.Id}");
        Assert.Single(seen.Commitments!);
        Assert.Single(seen.Meetings!);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{Base}/meetings/{meeting.Id}")).StatusCode);
    }

    [Fact]
    public async Task Owner_agency_updates_the_dialogue_the_minutes_the_status_and_adds_progress_notes()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        using var coordinator = await app.LoginAs("pk.coordinator");

        var renamed = await (await coordinator.Put($"{Base}/dialogues/{dialogue.Id}", new { title = "Renamed dialogue", parties = new[] { "PK-NACTA", "IR-MOI" } }))
            .Read<DialogueDto>();
        Assert.Equal("Renamed dialogue", renamed.Title);
        Assert.Equal(["IR-MOI", "PK-NACTA"], renamed.Parties);

        var meeting = await (await coordinator.Post($"{Base}/dialogues/{dialogue.Id}/meetings", new { title = "Session", heldOn = "2026-03-09" }))
            .Read<MeetingDto>(HttpStatusCode.Created);
        var minuted = await (await coordinator.Put($"{Base}/meetings/{meeting.Id}/minutes", new { minutes = "Agreed to exchange liaison officers." }))
            .Read<MeetingDto>();
        Assert.Equal("Agreed to exchange liaison officers.", minuted.Minutes);

        var commitment = await CreateCommitment("pk.analyst", dialogue.Id, 10);
        var progressed = await (await coordinator.Patch($"{Base}/commitments/{commitment.Id}", new { status = "InProgress", percentComplete = 40 }))
            .Read<CommitmentDto>();
        Assert.Equal(CommitmentStatus.InProgress, progressed.Status);
        Assert.Equal(40, progressed.PercentComplete);

        var noted = await (await coordinator.Post($"{Base}/commitments/{commitment.Id}/notes", new { text = "Terms of reference drafted.", writtenOn = app.Today.AddDays(-1).ToString("yyyy-MM-dd") }))
            .Read<CommitmentDto>();
        var note = Assert.Single(noted.Notes!);
        Assert.Equal("pk.coordinator", note.Author);
        Assert.Equal(app.Today.AddDays(-1), note.WrittenOn);

        var done = await (await coordinator.Patch($"{Base}/commitments/{commitment.Id}", new { status = "done" })).Read<CommitmentDto>();
        Assert.Equal(CommitmentStatus.Done, done.Status);
        Assert.Equal(100, done.PercentComplete);

        var read = await coordinator.GetAs<CommitmentDto>($"{Base}/commitments/{commitment.Id}");
        Assert.Single(read.Notes!);
        Assert.Equal("AMBER", read.Marking.Tlp);
    }

    [Fact]
    public async Task Creates_and_changes_are_in_the_audit_log()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "GREEN" });
        var commitment = await CreateCommitment("pk.analyst", dialogue.Id, 5);
        using var client = await app.LoginAs("pk.analyst");
        await (await client.Patch($"{Base}/commitments/{commitment.Id}", new { percentComplete = 20 })).Read<CommitmentDto>();

        Assert.Equal(1, await app.AuditCount(dialogue.Id, "create"));
        Assert.Equal(1, await app.AuditCount(commitment.Id, "create"));
        Assert.Equal(1, await app.AuditCount(commitment.Id, "update"));
    }

    [Fact]
    public async Task Reads_of_an_amber_strict_commitment_are_audited_and_amber_reads_are_not()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        var strict = await CreateCommitment("pk.analyst", dialogue.Id, 5, marking: new { tlp = "AMBER+STRICT" });
        var amber = await CreateCommitment("pk.analyst", dialogue.Id, 5);
        using var client = await app.LoginAs("pk.coordinator");

        await client.GetAs<CommitmentDto>($"{Base}/commitments/{strict.Id}");
        await client.GetAs<CommitmentDto>($"{Base}/commitments/{amber.Id}");
        await client.GetAs<DialogueDto>($"{Base}/dialogues/{dialogue.Id}");

        Assert.Equal(2, await app.AuditCount(strict.Id, "read"));
        Assert.Equal(0, await app.AuditCount(amber.Id, "read"));
    }

    [Fact]
    public async Task Partner_without_release_gets_404_and_does_not_find_it_in_any_list()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } });
        var commitment = await CreateCommitment("pk.analyst", dialogue.Id, -3, "InProgress");
        using var russia = await app.LoginAs("ru.analyst");

        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"{Base}/dialogues/{dialogue.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"{Base}/commitments/{commitment.Id}")).StatusCode);
        Assert.DoesNotContain(await russia.GetAs<List<DialogueDto>>($"{Base}/dialogues"), d => d.Id == dialogue.Id);
        Assert.DoesNotContain(await russia.GetAs<List<CommitmentDto>>($"{Base}/commitments"), c => c.Id == commitment.Id);
        Assert.Empty(await russia.GetAs<List<CommitmentDto>>($"{Base}/commitments?dialogue={dialogue.Id}"));
        var dashboard = await russia.GetAs<DashboardDto>($"{Base}/dashboard");
        Assert.DoesNotContain(dashboard.Overdue, c => c.Id == commitment.Id);
        Assert.DoesNotContain(dashboard.ByDialogue, g => g.Key == dialogue.Id.ToString());

        // A child cannot be created under a parent the caller cannot read.
        var child = await russia.Post($"{Base}/dialogues/{dialogue.Id}/commitments", new { title = "x", sector = "Security", dueOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.NotFound, child.StatusCode);
        var meeting = await russia.Post($"{Base}/dialogues/{dialogue.Id}/meetings", new { title = "x", heldOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.NotFound, meeting.StatusCode);

        // The partner it is released to sees it.
        using var china = await app.LoginAs("cn.liaison");
        Assert.Contains(await china.GetAs<List<CommitmentDto>>($"{Base}/commitments?overdue=true"), c => c.Id == commitment.Id);
    }

    [Fact]
    public async Task Observer_does_not_get_a_green_record_of_a_member_through_the_community()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "GREEN" });
        var commitment = await CreateCommitment("pk.analyst", dialogue.Id, 20);
        using var observer = await app.LoginAs("us.analyst");
        using var member = await app.LoginAs("ru.analyst");

        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync($"{Base}/dialogues/{dialogue.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync($"{Base}/commitments/{commitment.Id}")).StatusCode);
        Assert.DoesNotContain(await observer.GetAs<List<DialogueDto>>($"{Base}/dialogues"), d => d.Id == dialogue.Id);

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Base}/dialogues/{dialogue.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Base}/commitments/{commitment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Viewer_reads_but_every_write_is_refused_with_403()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        var commitment = await CreateCommitment("pk.analyst", dialogue.Id, 5);
        using var viewer = await app.LoginAs("pk.viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Base}/commitments/{commitment.Id}")).StatusCode);
        HttpResponseMessage[] writes =
        [
            await viewer.Post($"{Base}/dialogues", new { title = "Viewer's dialogue" }),
            await viewer.Put($"{Base}/dialogues/{dialogue.Id}", new { title = "Renamed" }),
            await viewer.Post($"{Base}/dialogues/{dialogue.Id}/meetings", new { title = "x", heldOn = "2026-03-01" }),
            await viewer.Post($"{Base}/dialogues/{dialogue.Id}/commitments", new { title = "x", sector = "Security", dueOn = "2026-04-01" }),
            await viewer.Patch($"{Base}/commitments/{commitment.Id}", new { status = "Done" }),
            await viewer.Post($"{Base}/commitments/{commitment.Id}/notes", new { text = "note" }),
            await viewer.Post($"{Base}/urgent", new { to = "CN-MPS", subject = "s", body = "b", acknowledgeWithinMinutes = 10 }),
        ];
        Assert.All(writes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var unchanged = await viewer.GetAs<CommitmentDto>($"{Base}/commitments/{commitment.Id}");
        Assert.Equal(CommitmentStatus.Planned, unchanged.Status);
    }

    [Fact]
    public async Task Writer_of_a_partner_agency_cannot_change_a_record_released_to_it()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } });
        var commitment = await CreateCommitment("pk.analyst", dialogue.Id, 5);
        using var china = await app.LoginAs("cn.coordinator");

        Assert.Equal(HttpStatusCode.OK, (await china.GetAsync($"{Base}/commitments/{commitment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.Patch($"{Base}/commitments/{commitment.Id}", new { status = "Done" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.Post($"{Base}/commitments/{commitment.Id}/notes", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.Put($"{Base}/dialogues/{dialogue.Id}", new { title = "Taken over" })).StatusCode);

        // But it may add its own commitment to the dialogue it can read; the new one is owned by CN-MPS
        // and, by default, released back to the dialogue's owner.
        var own = await CreateCommitment("cn.coordinator", dialogue.Id, 15);
        Assert.Equal("CN-MPS", own.Marking.OwnerAgency);
        Assert.Equal(["PK-NACTA"], own.Marking.ReleaseTo);
        using var pakistan = await app.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.OK, (await pakistan.GetAsync($"{Base}/commitments/{own.Id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_commitment_input_gets_400_naming_every_field()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        using var client = await app.LoginAs("pk.analyst");

        var errors = await (await client.Post($"{Base}/dialogues/{dialogue.Id}/commitments", new
        {
            title = " ",
            sector = "Astrology",
            dueOn = "2026-02-30",
            responsibleAgency = "XX-NONE",
            percentComplete = 120,
            marking = new { tlp = "PURPLE", releaseTo = new[] { "ZZ-UNKNOWN" } },
        })).ValidationErrors();
        Assert.Contains("title", errors.Keys);
        Assert.Contains("sector", errors.Keys);
        Assert.Contains("dueOn", errors.Keys);
        Assert.Contains("responsibleAgency", errors.Keys);
        Assert.Contains("percentComplete", errors.Keys);
        Assert.Contains("marking.tlp", errors.Keys);
        Assert.Contains("marking.releaseTo", errors.Keys);
        Assert.Contains("Astrology", errors["sector"][0], StringComparison.Ordinal);

        var missing = await (await client.Post($"{Base}/dialogues/{dialogue.Id}/commitments", new { })).ValidationErrors();
        Assert.Contains("title", missing.Keys);
        Assert.Contains("sector", missing.Keys);
        Assert.Contains("dueOn", missing.Keys);

        var update = await (await client.Patch($"{Base}/commitments/{(await CreateCommitment("pk.analyst", dialogue.Id, 3)).Id}", new { status = "Finished", dueOn = "soon" }))
            .ValidationErrors();
        Assert.Contains("status", update.Keys);
        Assert.Contains("dueOn", update.Keys);
    }

    [Fact]
    public async Task Bad_dialogue_and_meeting_input_gets_400_naming_the_field()
    {
        using var client = await app.LoginAs("pk.analyst");
        var errors = await (await client.Post($"{Base}/dialogues", new { parties = new[] { "PK-NACTA", "XX-NONE" } })).ValidationErrors();
        Assert.Contains("title", errors.Keys);
        Assert.Contains("XX-NONE", errors["parties"][0], StringComparison.Ordinal);

        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        var meeting = await (await client.Post($"{Base}/dialogues/{dialogue.Id}/meetings", new { title = "Session", heldOn = "7 March" })).ValidationErrors();
        Assert.Contains("heldOn", meeting.Keys);

        var list = await (await client.GetAsync($"{Base}/commitments?sector=Astrology")).ValidationErrors();
        Assert.Contains("sector", list.Keys);
    }

    [Fact]
    public async Task Commitments_filter_by_dialogue_sector_status_and_overdue()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        var border = await CreateCommitment("pk.analyst", dialogue.Id, -4, "InProgress", sector: "Border");
        var trade = await CreateCommitment("pk.analyst", dialogue.Id, 9, sector: "Trade");
        var doneLate = await CreateCommitment("pk.analyst", dialogue.Id, -9, "Done", sector: "Border");
        using var client = await app.LoginAs("pk.analyst");
        string Url(string query) => $"{Base}/commitments?dialogue={dialogue.Id}&{query}";

        Assert.Equal([border.Id, doneLate.Id], (await client.GetAs<List<CommitmentDto>>(Url("sector=border"))).Select(c => c.Id));
        Assert.Equal([trade.Id], (await client.GetAs<List<CommitmentDto>>(Url("status=Planned"))).Select(c => c.Id));
        var overdue = Assert.Single(await client.GetAs<List<CommitmentDto>>(Url("overdue=true")));
        Assert.Equal(border.Id, overdue.Id);
        Assert.Equal(4, overdue.DaysOverdue);
        Assert.Equal(2, (await client.GetAs<List<CommitmentDto>>(Url("overdue=false"))).Count);
        // Unfiltered: overdue first, then open by due date, then closed.
        Assert.Equal([border.Id, trade.Id, doneLate.Id], (await client.GetAs<List<CommitmentDto>>(Url("x=1"))).Select(c => c.Id));
    }

    [Fact]
    public async Task Dashboard_lists_overdue_commitments_first_most_overdue_on_top_and_counts_by_dialogue_and_sector()
    {
        var dialogue = await CreateDialogue("pk.analyst", new { tlp = "AMBER" });
        var late10 = await CreateCommitment("pk.analyst", dialogue.Id, -10, "InProgress", 50, sector: "Maritime");
        var late3 = await CreateCommitment("pk.analyst", dialogue.Id, -3, "Blocked", 20, sector: "Maritime");
        await CreateCommitment("pk.analyst", dialogue.Id, 5, "InProgress", 30, sector: "Maritime");
        await CreateCommitment("pk.analyst", dialogue.Id, -30, "Done", sector: "Maritime");
        await CreateCommitment("pk.analyst", dialogue.Id, -30, "Cancelled", sector: "Maritime");
        using var client = await app.LoginAs("pk.coordinator");

        var dashboard = await client.GetAs<DashboardDto>($"{Base}/dashboard");
        Assert.Equal(app.Today, dashboard.Today);
        var mine = dashboard.Overdue.Where(c => c.DialogueId == dialogue.Id).Select(c => c.Id).ToList();
        Assert.Equal([late10.Id, late3.Id], mine);
        Assert.All(dashboard.Overdue, c => Assert.True(c.Overdue));
        Assert.Equal(dashboard.Overdue.OrderBy(c => c.DueOn).Select(c => c.Id), dashboard.Overdue.Select(c => c.Id));
        Assert.NotEmpty(dashboard.Overdue[0].Marking.Tlp);

        var group = Assert.Single(dashboard.ByDialogue, g => g.Key == dialogue.Id.ToString());
        Assert.Equal(dialogue.Title, group.Label);
        Assert.Equal(5, group.Total);
        Assert.Equal(2, group.Overdue);
        Assert.Equal(2, group.ByStatus[CommitmentStatus.InProgress]);
        Assert.Equal(1, group.ByStatus[CommitmentStatus.Blocked]);
        Assert.Equal(1, group.ByStatus[CommitmentStatus.Done]);
        Assert.Equal(1, group.ByStatus[CommitmentStatus.Cancelled]);
        Assert.Equal(0, group.ByStatus[CommitmentStatus.Planned]);
        Assert.Equal(50, group.AveragePercent); // (50 + 20 + 30 + 100) / 4, cancelled not counted
        // Dialogues with overdue commitments come first.
        Assert.True(dashboard.ByDialogue.SkipWhile(g => g.Overdue > 0).All(g => g.Overdue == 0));

        var maritime = Assert.Single(dashboard.BySector, g => g.Key == "Maritime");
        Assert.True(maritime.Total >= 5);
        Assert.True(maritime.Overdue >= 2);
    }

    [Fact]
    public async Task Demo_scenario_has_dialogues_with_overdue_commitments_and_varied_markings()
    {
        using var pakistan = await app.LoginAs("pk.coordinator");
        var dialogues = await pakistan.GetAs<List<DialogueDto>>($"{Base}/dialogues");
        Assert.True(dialogues.Count >= 5);
        var dashboard = await pakistan.GetAs<DashboardDto>($"{Base}/dashboard");
        Assert.NotEmpty(dashboard.Overdue);
        var all = await pakistan.GetAs<List<CommitmentDto>>($"{Base}/commitments");
        Assert.Contains(all, c => c.Marking.Tlp == "AMBER+STRICT");
        Assert.Contains(all, c => c.Marking.Tlp == "GREEN");

        // The observer sees only what is released to it: the Pakistan–US dialogue, not the regional one.
        using var observer = await app.LoginAs("us.analyst");
        var seen = await observer.GetAs<List<DialogueDto>>($"{Base}/dialogues");
        Assert.Contains(seen, d => d.Title.Contains("Pakistan–US", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, d => d.Title.Contains("Regional", StringComparison.Ordinal));
        Assert.DoesNotContain(await observer.GetAs<List<CommitmentDto>>($"{Base}/commitments"), c => c.Marking.Tlp == "AMBER+STRICT");
    }
}
