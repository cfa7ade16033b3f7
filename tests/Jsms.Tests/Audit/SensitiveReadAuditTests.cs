using System.Net;
using Jsms.Platform.Access;
using Jsms.Features.Incidents;
using Jsms.Features.Alerts;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Consultations;
using Jsms.Features.Exercises;
using Jsms.Features.Lessons;
using Jsms.Features.Intelligence;
using Jsms.Features.Operations;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Features.Protection;
using Jsms.Features.Screening;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Intelligence;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Audit;

/// <summary>
/// Every read of an AMBER+STRICT or RED record, of every releasable kind in the EF model, leaves an audit entry
/// (docs/audit-log.md, "Reads"). The kinds come from the model by reflection: a new releasable entity without a way
/// to read it here fails the test until its reads are shown to be audited.
/// </summary>
public sealed class SensitiveReadAuditTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Owner = "pk.analyst";
    private const string Reader = "pk.coordinator";
    private const string Perimeter = """{"type":"Polygon","coordinates":[[[67.30,24.78],[67.32,24.78],[67.32,24.80],[67.30,24.80],[67.30,24.78]]]}""";

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    private static readonly object Strict = new { tlp = "AMBER+STRICT" };
    private static readonly string[] China = ["cn.liaison"];
    private static readonly string[] ChinaAgency = ["CN-MPS"];

    /// <summary>Per releasable kind: make a sensitive record owned by PK-NACTA; answer its id and the URL that reads it.</summary>
    private Dictionary<Type, Func<Task<(Guid Id, string Url)>>> Readers() => new()
    {
        [typeof(Device)] = async () => Made(await Create<DeviceDto>("/api/devices", new { uniqueId = Unique("dev").Replace(' ', '-'), name = "Tracker", marking = Strict }), d => d.Id, "/api/devices/"),
        [typeof(Sensor)] = async () => Made(await Create<SensorDto>("/api/sensors", new { code = Unique("S").Replace(' ', '-')[..20], name = "Gate camera", kind = "Camera", latitude = 24.8, longitude = 67.3, marking = Strict }), s => s.Id, "/api/sensors/"),
        [typeof(Site)] = async () => Made(await Create<SiteDto>("/api/sites", new { name = Unique("Site"), perimeter = System.Text.Json.JsonDocument.Parse(Perimeter).RootElement, watchDistanceMetres = 500, loiteringThresholdMinutes = 10, marking = Strict }), s => s.Id, "/api/sites/"),
        [typeof(ProtectedPerson)] = async () => Made(await Create<PersonDto>("/api/persons", new { name = Unique("Person"), nationality = "China", marking = Strict }), p => p.Id, "/api/persons/"),
        [typeof(Movement)] = async () => Made(await Create<MovementDto>("/api/movements", new { name = Unique("Convoy"), marking = new { recipients = China } }), m => m.Id, "/api/movements/"),
        [typeof(Dialogue)] = async () => Made(await NewDialogue(), d => d.Id, "/api/consultations/dialogues/"),
        [typeof(Meeting)] = async () => Made(await Create<MeetingDto>($"/api/consultations/dialogues/{(await NewDialogue()).Id}/meetings", new { title = Unique("Meeting"), heldOn = "2026-03-09", marking = Strict }), m => m.Id, "/api/consultations/meetings/"),
        [typeof(Commitment)] = async () => Made(await Create<CommitmentDto>($"/api/consultations/dialogues/{(await NewDialogue()).Id}/commitments", new { title = Unique("Commitment"), sector = "Security", dueOn = "2026-04-01", marking = Strict }), c => c.Id, "/api/consultations/commitments/"),
        [typeof(UrgentMessage)] = async () => Made(await Create<UrgentMessageDto>("/api/consultations/urgent", new { to = "CN-MPS", subject = Unique("Urgent"), body = "Call now.", acknowledgeWithinMinutes = 30, marking = new { tlp = "AMBER+STRICT", recipients = China } }), u => u.Id, "/api/consultations/urgent/"),
        [typeof(Incident)] = async () => Made(await Create<IncidentDetailDto>("/api/incidents", new { title = Unique("Incident"), occurredOn = "2026-03-01", country = "PK", marking = Strict }), i => i.Id, "/api/incidents/"),
        [typeof(Rfi)] = async () => Made(await Create<RfiDto>("/api/intelligence/rfis", new { to = ChinaAgency, title = Unique("RFI"), question = "Who?", dueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(1), marking = new { tlp = "AMBER+STRICT", recipients = China } }), r => r.Id, "/api/intelligence/rfis/"),
        [typeof(Jsms.Features.Training.Course)] = async () => Made(await Create<Jsms.Features.Training.CourseDto>("/api/training/courses", new { topic = Unique("Course"), durationHours = 8, marking = Strict }), c => c.Id, "/api/training/courses/"),
        [typeof(Jsms.Features.Equipment.SupplyAgreement)] = async () => Made(await Create<Jsms.Features.Equipment.AgreementDto>("/api/equipment/agreements", new { title = Unique("Supply"), recipient = "CN-MPS", items = new[] { new { itemType = "Radio", quantity = 2 } }, endUseAssurances = "Own use only.", marking = Strict }), a => a.Id, "/api/equipment/agreements/"),
        [typeof(Jsms.Features.Assistance.AssistanceActivity)] = async () => Made(await Create<Jsms.Features.Assistance.ActivityDto>("/api/assistance/activities", new { iatiIdentifier = Unique("PK").Replace(' ', '-'), title = Unique("Activity"), implementer = "Sindh Police", sectorCode = "15210", status = 2, marking = Strict }), a => a.Id, "/api/assistance/activities/"),
        [typeof(Alert)] = async () =>
        {
            var id = await Insert(owner => new Alert { Id = Guid.NewGuid(), Kind = "test", Title = Unique("Alert"), RaisedAt = app.Clock.GetUtcNow().UtcDateTime, Status = AlertStatus.Open, OwnerAgencyId = owner, Tlp = Tlp.AmberStrict });
            return (id, $"/api/alerts/{id}");
        },
        [typeof(Exercise)] = async () =>
        {
            // The API refuses AMBER+STRICT exercises (participants read by release-to); a row written directly still shows its reads are audited.
            var id = await Insert(owner => new Exercise { Id = Guid.NewGuid(), Name = Unique("Exercise"), StartsOn = new DateOnly(2026, 4, 1), EndsOn = new DateOnly(2026, 4, 2), OwnerAgencyId = owner, Tlp = Tlp.AmberStrict });
            return (id, $"/api/exercises/{id}");
        },
        [typeof(Jsms.Features.Screening.Watchlists.Watchlist)] = async () => Made(await Create<Jsms.Features.Screening.Watchlists.WatchlistDto>("/api/screening/watchlists", new { name = Unique("Watchlist"), marking = Strict }), w => w.Id, "/api/screening/watchlists/"),
        [typeof(Lesson)] = async () => Made(await Create<LessonDto>("/api/lessons", new { title = Unique("Lesson"), observation = "Seen.", marking = Strict }), l => l.Id, "/api/lessons/"),
        [typeof(ScreeningRecord)] = async () =>
        {
            var id = await Insert(owner => new ScreeningRecord { Id = Guid.NewGuid(), Kind = ScreeningKind.Name, Subject = Unique("Name"), QueryJson = """{"name":"x"}""", ResultJson = "[]", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, OwnerAgencyId = owner, Tlp = Tlp.AmberStrict });
            return (id, $"/api/screening/search/{id}");
        },
        [typeof(ConsentRequest)] = async () => Made(await Create<ConsentRequestDto>("/api/operations/consent-requests", new { hostState = "CN", authorities = ChinaAgency, kind = "LiaisonPresence", purpose = Unique("Request"), area = System.Text.Json.JsonDocument.Parse(Perimeter).RootElement, periodStart = app.Clock.GetUtcNow().AddDays(1), periodEnd = app.Clock.GetUtcNow().AddDays(5), personnel = new[] { new { name = "Ali Raza", passportNumber = "AB1234567" } } }), r => r.Id, "/api/operations/consent-requests/"),
        [typeof(Consent)] = async () =>
        {
            var id = await Insert(owner => new Consent { Id = Guid.NewGuid(), RequestId = Guid.NewGuid(), Purpose = Unique("Consent"), EffectiveArea = Geo.Factory.CreateMultiPolygon([Geo.Parse<NetTopologySuite.Geometries.Polygon>(Perimeter)]), GrantedAt = app.Clock.GetUtcNow().UtcDateTime, OwnerAgencyId = owner, Tlp = Tlp.AmberStrict });
            return (id, $"/api/operations/consents/{id}");
        },
        [typeof(JointOperation)] = async () =>
        {
            // The API marks operations AMBER released to their parties; a row written directly shows a stricter one's reads are audited.
            var id = await Insert(owner => new JointOperation { Id = Guid.NewGuid(), Name = Unique("Operation"), Objective = "Test.", Area = Geo.Factory.CreateMultiPolygon([Geo.Parse<NetTopologySuite.Geometries.Polygon>(Perimeter)]), PeriodStart = app.Clock.GetUtcNow().UtcDateTime, PeriodEnd = app.Clock.GetUtcNow().UtcDateTime.AddDays(1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime, OwnerAgencyId = owner, Tlp = Tlp.AmberStrict });
            return (id, $"/api/operations/joint/{id}");
        },
        [typeof(StixObjectVersion)] = async () =>
        {
            var indicator = IntelligenceTestApp.Indicator(Unique("Indicator"), StixMarkings.Tlp2Ids[Tlp.AmberStrict]);
            await app.PostObjectsAsync(Owner, await app.CreateCollectionAsync(Owner), [indicator]);
            var stixId = (string)indicator["id"]!;
            var id = await app.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.StixId == stixId).Select(o => o.Id).SingleAsync());
            return (id, $"/api/intelligence/objects/{stixId}");
        },
    };

    private static (Guid, string) Made<T>(T dto, Func<T, Guid> id, string url) => (id(dto), url + id(dto));

    private async Task<T> Create<T>(string url, object body)
    {
        using var client = await app.LoginAs(Owner);
        return await (await client.Post(url, body)).Read<T>(HttpStatusCode.Created);
    }

    private Task<DialogueDto> NewDialogue() => Create<DialogueDto>("/api/consultations/dialogues", new { title = Unique("Dialogue"), marking = Strict });

    /// <summary>For kinds that only the system creates (alerts, screenings): a row of PK-NACTA written directly.</summary>
    private Task<Guid> Insert<T>(Func<Guid, T> make) where T : class, IReleasable => app.WithDb(async db =>
    {
        var owner = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
        var record = make(owner);
        db.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    private Task<List<Type>> ReleasableKindsInTheModel() => app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes()
        .Select(e => e.ClrType).Where(t => typeof(IReleasable).IsAssignableFrom(t) && !typeof(IMarkingCopy).IsAssignableFrom(t)).OrderBy(t => t.Name).ToList()));

    [Fact]
    public async Task Every_releasable_kind_in_the_model_has_its_sensitive_reads_checked_here()
    {
        var kinds = await ReleasableKindsInTheModel();

        Assert.Empty(kinds.Where(k => !Readers().ContainsKey(k)).Select(k => k.Name));
    }

    [Fact]
    public async Task A_read_of_an_amber_strict_or_red_record_of_every_kind_leaves_an_audit_entry()
    {
        var readers = Readers();
        var missing = new List<string>();
        using var reader = await app.LoginAs(Reader);
        foreach (var kind in await ReleasableKindsInTheModel())
        {
            if (!readers.TryGetValue(kind, out var make))
            {
                missing.Add($"{kind.Name}: no read checked");
                continue;
            }
            var (id, url) = await make();
            var response = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind.Name}: GET {url} answered {(int)response.StatusCode}");
            var audited = await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && e.Action == "read" && e.UserName == Reader));
            if (audited != 1)
            {
                missing.Add($"{kind.Name}: {audited} read entries");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Sensitive_records_in_a_list_are_audited_once_each_in_one_answer()
    {
        var strict = await Create<SiteDto>("/api/sites", new { name = Unique("Site"), perimeter = System.Text.Json.JsonDocument.Parse(Perimeter).RootElement, watchDistanceMetres = 500, loiteringThresholdMinutes = 10, marking = Strict });
        var amber = await Create<SiteDto>("/api/sites", new { name = Unique("Site"), perimeter = System.Text.Json.JsonDocument.Parse(Perimeter).RootElement, watchDistanceMetres = 500, loiteringThresholdMinutes = 10, marking = new { tlp = "AMBER" } });
        using var reader = await app.LoginAs(Reader);

        var sites = await reader.GetAs<List<SiteDto>>("/api/sites");

        Assert.Contains(sites, s => s.Id == strict.Id);
        Assert.Equal(1, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == strict.Id && e.Action == "list" && e.UserName == Reader)));
        Assert.Equal(0, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == amber.Id && e.UserName == Reader)));
        Assert.True((await app.WithDb(db => AuditTrail.VerifyAsync(db))).Intact);
    }
}
