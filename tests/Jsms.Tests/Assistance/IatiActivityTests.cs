using System.Net;
using System.Text;
using System.Xml.Linq;
using Jsms.Features.Assistance;
using Jsms.Features.Consultations;
using Jsms.Features.Demo;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Assistance;

/// <summary>Assistance activities: IATI XML export and import, refusal of bad or hostile XML, release and validation.</summary>
public sealed class IatiActivityTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Base = "/api/assistance/activities";

    private Task<Guid> CommitmentId(string titleStart)
        => app.WithDb(db => db.Set<Commitment>().Where(c => c.Title.StartsWith(titleStart)).Select(c => c.Id).FirstAsync());

    private Task<int> ActivityCount() => app.WithDb(db => db.Set<AssistanceActivity>().CountAsync());

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private async Task<ActivityDto> CreateFull(HttpClient client, string identifier)
    {
        var commitment = await CommitmentId("Anti-money-laundering capacity project");
        return await (await client.Post(Base, new
        {
            iatiIdentifier = identifier,
            title = "Justice-sector capacity: prosecutors & terrorism cases <pilot>",
            description = "Course for prosecutors on terrorism cases.",
            implementer = "National Counter Terrorism Authority",
            implementerRef = "PK-NACTA",
            sectorCode = "15130",
            status = 2,
            plannedStart = "2025-01-01",
            actualStart = "2025-02-15",
            plannedEnd = "2027-12-31",
            defaultCurrency = "USD",
            budgets = new object[] { new { periodStart = "2025-01-01", periodEnd = "2025-12-31", value = 250000.50m, currency = "USD" } },
            transactions = new object[]
            {
                new { type = 2, date = "2025-01-20", value = 500000m, description = "Commitment" },
                new { type = 3, date = "2025-03-01", value = 125000.25m, currency = "USD" },
                new { type = 4, date = "2025-06-30", value = 98000m, currency = "EUR" },
            },
            conditions = new object[] { new { type = 1, text = "Prosecutors nominated by the provinces." } },
            results = new object[]
            {
                new
                {
                    type = 2, title = "Terrorism cases prosecuted to judgment",
                    indicators = new object[]
                    {
                        new
                        {
                            title = "Convictions in terrorism cases", measure = 1, ascending = true, baselineYear = 2024, baselineValue = 12.5m,
                            periods = new object[] { new { start = "2025-01-01", end = "2025-12-31", target = 20m, actual = 17m } },
                        },
                        new
                        {
                            title = "FATF: terrorist-financing offence", measure = 5, reference = "R.5",
                            ratings = new object[] { new { date = "2019-10-01", rating = "pc" }, new { date = "2022-06-01", rating = "LC" } },
                        },
                    },
                },
            },
            commitmentIds = new[] { commitment },
            marking = new { tlp = "AMBER", releaseTo = new[] { "PK-NACTA" } },
        })).Read<ActivityDto>(HttpStatusCode.Created);
    }

    private static XDocument WithoutTimestamps(string xml)
    {
        var document = XDocument.Parse(xml);
        foreach (var element in document.Descendants())
        {
            element.Attribute("generated-datetime")?.Remove();
            element.Attribute("last-updated-datetime")?.Remove();
        }
        return document;
    }

    [Fact]
    public async Task Exported_IATI_XML_imports_back_to_an_activity_that_exports_the_same()
    {
        using var us = await app.LoginAs("us.analyst");
        var identifier = $"US-CT-RT-{Guid.NewGuid():N}";
        var activity = await CreateFull(us, identifier);
        Assert.Equal(500000m, activity.Committed);
        Assert.Equal(125000.25m, activity.Disbursed);
        Assert.Single(activity.Commitments);
        Assert.Equal("LC", activity.Results[0].Indicators[1].Ratings[1].Rating);
        Assert.Equal("PC", activity.Results[0].Indicators[1].Ratings[0].Rating);

        var response = await us.GetAsync($"{Base}/{activity.Id}/iati");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var exported = await response.Content.ReadAsStringAsync();
        var document = XDocument.Parse(exported);
        Assert.Equal("2.03", document.Root!.Attribute("version")?.Value);
        var xml = document.Root.Element("iati-activity")!;
        Assert.Equal(identifier, xml.Element("iati-identifier")?.Value);
        Assert.Equal("US-CT", xml.Element("reporting-org")?.Attribute("ref")?.Value);
        Assert.Equal(["2", "3", "4"], xml.Elements("transaction").Select(t => t.Element("transaction-type")!.Attribute("code")!.Value));
        Assert.Equal("15130", xml.Element("sector")?.Attribute("code")?.Value);
        Assert.Equal("R.5", xml.Element("result")!.Elements("indicator").ElementAt(1).Element("reference")?.Attribute("code")?.Value);

        var copyIdentifier = identifier + "-COPY";
        var imported = await (await us.PostAsync($"{Base}/import", Xml(exported.Replace(identifier, copyIdentifier, StringComparison.Ordinal))))
            .Read<ActivityDto>(HttpStatusCode.Created);
        Assert.NotEqual(activity.Id, imported.Id);
        Assert.Equal("US-CT", imported.Marking.OwnerAgency);
        Assert.Contains("PK-NACTA", imported.Marking.ReleaseTo);
        var reExported = await (await us.GetAsync($"{Base}/{imported.Id}/iati")).Content.ReadAsStringAsync();
        Assert.Equal(WithoutTimestamps(exported.Replace(identifier, copyIdentifier, StringComparison.Ordinal)).ToString(), WithoutTimestamps(reExported).ToString());

        // Importing the same identifier again is refused: the identifier names one activity of the reporting organisation.
        var again = await (await us.PostAsync($"{Base}/import", Xml(exported))).ValidationErrors();
        Assert.Contains("iatiIdentifier", again.Keys);
    }

    [Fact]
    public async Task Bad_XML_an_external_entity_or_another_reporting_org_is_refused_with_400_and_nothing_is_stored()
    {
        using var us = await app.LoginAs("us.analyst");
        var before = await ActivityCount();

        var malformed = await (await us.PostAsync($"{Base}/import", Xml("<iati-activities><iati-activity>"))).ValidationErrors();
        Assert.Contains("xml", malformed.Keys);

        const string Xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE iati-activities [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <iati-activities version="2.03"><iati-activity><iati-identifier>&secret;</iati-identifier></iati-activity></iati-activities>
            """;
        var entity = await (await us.PostAsync($"{Base}/import", Xml(Xxe))).ValidationErrors();
        Assert.Contains("xml", entity.Keys);
        Assert.DoesNotContain("root:", entity["xml"][0], StringComparison.Ordinal);

        var wrongRoot = await (await us.PostAsync($"{Base}/import", Xml("<activities/>"))).ValidationErrors();
        Assert.Contains("xml", wrongRoot.Keys);

        const string BadValues = """
            <iati-activities version="2.03"><iati-activity default-currency="USD">
              <iati-identifier>US-CT-BAD-1</iati-identifier>
              <reporting-org ref="US-CT" type="10"><narrative>Bureau</narrative></reporting-org>
              <title><narrative>Bad values</narrative></title>
              <participating-org role="4"><narrative>Someone</narrative></participating-org>
              <activity-status code="9"/>
              <sector vocabulary="1" code="15113"/>
              <budget><period-start iso-date="2025-13-01"/><period-end iso-date="2025-12-31"/><value currency="USD">-5</value></budget>
              <transaction><transaction-type code="11"/><transaction-date iso-date="2025-01-01"/><value>abc</value></transaction>
            </iati-activity></iati-activities>
            """;
        var values = await (await us.PostAsync($"{Base}/import", Xml(BadValues))).ValidationErrors();
        Assert.Contains("budget[1]/period-start/@iso-date", values.Keys);
        Assert.Contains("transaction[1]/value", values.Keys);

        var foreign = BadValues.Replace("code=\"9\"", "code=\"2\"", StringComparison.Ordinal).Replace("2025-13-01", "2025-01-01", StringComparison.Ordinal)
            .Replace("-5", "5", StringComparison.Ordinal).Replace("abc", "10", StringComparison.Ordinal).Replace("code=\"11\"", "code=\"3\"", StringComparison.Ordinal)
            .Replace("ref=\"US-CT\"", "ref=\"PK-NACTA\"", StringComparison.Ordinal);
        Assert.Contains("reporting-org/@ref", (await (await us.PostAsync($"{Base}/import", Xml(foreign))).ValidationErrors()).Keys);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync($"{Base}/import", Xml(Xxe))).StatusCode);
        Assert.Equal(before, await ActivityCount());
    }

    [Fact]
    public async Task A_partner_the_activity_is_not_released_to_gets_404_for_it_and_its_export()
    {
        var demo = await app.WithDb(db => db.Set<AssistanceActivity>().Where(a => a.IatiIdentifier == DemoProgrammes.ActivityIdentifier).Select(a => a.Id).FirstAsync());
        using var pakistan = await app.LoginAs("pk.analyst");
        var seen = await pakistan.GetAs<ActivityDto>($"{Base}/{demo}");
        Assert.Equal("US-CT", seen.Donor);
        Assert.NotEmpty(seen.Commitments);
        Assert.Contains(seen.Results.SelectMany(r => r.Indicators), i => i.Reference == "IO.9" && i.Ratings.Count == 2);

        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"{Base}/{demo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"{Base}/{demo}/iati")).StatusCode);
        Assert.DoesNotContain(await russia.GetAs<List<ActivityDto>>(Base), a => a.Id == demo);
        // Pakistan reads it but does not own it.
        Assert.Equal(HttpStatusCode.NotFound, (await pakistan.Put($"{Base}/{demo}", new { })).StatusCode);
    }

    [Fact]
    public async Task Bad_activity_values_are_refused_naming_each_field_and_an_unreadable_commitment_answers_404()
    {
        using var us = await app.LoginAs("us.analyst");
        var errors = await (await us.Post(Base, new
        {
            iatiIdentifier = "US-CT-V-1", title = "Validation", implementer = "Someone", sectorCode = "151", status = 9, defaultCurrency = "usd",
            budgets = new object[] { new { periodStart = "2025-01-01", periodEnd = "2026-06-30", value = -1m } },
            transactions = new object[] { new { type = 1, date = "2025-01-01", value = 5m } },
            results = new object[]
            {
                new
                {
                    type = 2, title = "AML",
                    indicators = new object[]
                    {
                        new { title = "R", measure = 5, reference = "R.41" },
                        new { title = "IO", measure = 5, reference = "IO.4", ratings = new object[] { new { date = "2024-01-01", rating = "LC" } } },
                    },
                },
            },
        })).ValidationErrors();
        foreach (var field in new[] { "sectorCode", "status", "defaultCurrency", "budgets[0].periodEnd", "budgets[0].value", "transactions[0].type",
                     "results[0].indicators[0].reference", "results[0].indicators[1].ratings[0].rating" })
        {
            Assert.Contains(field, errors.Keys);
        }

        // The Pakistan–US dialogue's commitments are not released to China: naming one is 404, nothing stored.
        using var china = await app.LoginAs("cn.coordinator");
        var commitment = await CommitmentId("Anti-money-laundering capacity project");
        var before = await ActivityCount();
        var response = await china.Post(Base, new
        {
            iatiIdentifier = "CN-1", title = "x", implementer = "y", sectorCode = "15210", status = 1, commitmentIds = new[] { commitment },
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("commitmentIds[0]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ActivityCount());
    }
}
