using System.Net;
using System.Text.Json;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Screening;

public sealed class NationalListTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Header = "Ref No,Full Name,Also Known As,DOB,Citizenship,Passport / CNIC,Grounds\n";

    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["id"] = "Ref No", ["name"] = "Full Name", ["aliases"] = "Also Known As", ["birthDate"] = "DOB",
        ["nationality"] = "Citizenship", ["identifiers"] = "Passport / CNIC", ["reason"] = "Grounds",
    };

    [Fact]
    public async Task A_column_mapped_list_is_previewed_then_imported_with_versions_diffs_and_a_rescreen()
    {
        using var admin = await app.LoginAs("admin");
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Drivers, national list test");
        var driver = await pk.AddSubjectAsync(watchlist.Id, "Noor Wali Mehsud Khan", birthDate: "1978-06-26");

        var v1 = Header
                 + "PK-4-001,Noor Wali Mehsud Khan,Abu Mansoor Asim;Mufti Noor Wali,1978-06-26,Pakistan,35201-0000000-1,Leader of a proscribed organisation\n"
                 + "PK-4-002,Tahir Ashrafi Kakar,,1970,PK,,Financing\n"
                 + "PK-4-003,\"Lashkar-e-Test, Welfare Wing\",,,,,\"Front organisation\"\n";
        var preview = await (await Post(admin, "preview", v1, Mapping)).Read<NationalListPreviewDto>();
        Assert.Equal(["Ref No", "Full Name", "Also Known As", "DOB", "Citizenship", "Passport / CNIC", "Grounds"], preview.Headers);
        Assert.Equal(3, preview.RowCount);
        Assert.Empty(preview.Problems);
        var first = preview.Rows[0];
        Assert.Equal(("PK-4-001", "Noor Wali Mehsud Khan", 2), (first.SourceId, first.Name, first.Line));
        Assert.Equal(["Abu Mansoor Asim", "Mufti Noor Wali"], first.Aliases);
        Assert.Equal(["PK"], first.Nationalities);
        Assert.Equal("Lashkar-e-Test, Welfare Wing", preview.Rows[2].Name);

        // Without a mapping the preview suggests one from the header.
        var suggested = await (await Post(admin, "preview", v1, new())).Read<NationalListPreviewDto>();
        Assert.Equal(("Full Name", "Also Known As", "DOB", "Citizenship"),
            (suggested.Mapping.Name, suggested.Mapping.Aliases, suggested.Mapping.BirthDate, suggested.Mapping.Nationality));

        var imported = await (await Post(admin, "import", v1, Mapping)).Read<ImportOutcome>();
        await app.RescreensDoneAsync();
        Assert.Equal((ListSource.National, 1, 3, false), (imported.Source, imported.Number, imported.EntryCount, imported.Unchanged));

        var match = Assert.Single(await pk.MatchesOfAsync(driver.Id));
        Assert.Equal(("National", "PK-4-001"), (match.Source, match.SourceId));
        Assert.Single(await app.AlertsAboutAsync(driver.Name));

        var search = await (await admin.Post("/api/screening/search", new { name = "Mufti Noor Wali" })).Read<JsonElement>();
        Assert.Equal("National", search.GetProperty("matches")[0].GetProperty("source").GetString());

        // Version 2: one row changed, one added, one removed; the diff says so like UN and OFAC.
        var v2 = Header
                 + "PK-4-001,Noor Wali Mehsud Khan,Abu Mansoor Asim;Mufti Noor Wali,1978-06-26,Pakistan,35201-0000000-1,Leader of a proscribed organisation; reward offered\n"
                 + "PK-4-002,Tahir Ashrafi Kakar,,1970,PK,,Financing\n"
                 + "PK-4-004,Gul Bahadur Wazir,,1961,PK,,Commander\n";
        var second = await (await Post(admin, "import", v2, Mapping)).Read<ImportOutcome>();
        await app.RescreensDoneAsync();
        Assert.Equal((2, 1, 1, 1), (second.Number, second.Added, second.Removed, second.Changed));
        var diff = await admin.GetAs<JsonElement>($"/api/screening/lists/{second.VersionId}/diff");
        Assert.Equal(["added PK-4-004", "changed PK-4-001", "removed PK-4-003"],
            diff.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("sourceId").GetString()}"));
        var versions = await admin.GetAs<JsonElement>("/api/screening/lists");
        Assert.Equal(2, versions.EnumerateArray().Count(v => v.GetProperty("source").GetString() == "National"));

        // The entry changed but the match is open and no stronger: no second alert.
        Assert.Single(await app.AlertsAboutAsync(driver.Name));
    }

    [Fact]
    public async Task A_bad_row_is_named_by_its_line_and_nothing_is_stored()
    {
        using var admin = await app.LoginAs("admin");
        var before = await NationalVersionsAsync(admin);
        var csv = Header
                  + "PK-9-001,Valid Person Name,,1970,PK,,Reason\n"
                  + "PK-9-002,Another Person,,31/02/1970,PK,,Reason\n"
                  + "PK-9-003,,,1970,PK,,Reason\n"
                  + "PK-9-001,Duplicate Id Person,,1971,Atlantis,,Reason\n";
        var errors = await (await Post(admin, "import", csv, Mapping)).ValidationErrors();
        var problems = errors["file"];
        Assert.Contains(problems, p => p.StartsWith("line 3:", StringComparison.Ordinal) && p.Contains("31/02/1970", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 4:", StringComparison.Ordinal) && p.Contains("name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 5:", StringComparison.Ordinal) && p.Contains("Atlantis", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 5:", StringComparison.Ordinal) && p.Contains("line 2", StringComparison.Ordinal));
        Assert.Equal(before, await NationalVersionsAsync(admin));

        var preview = await (await Post(admin, "preview", csv, Mapping)).Read<NationalListPreviewDto>();
        Assert.Equal(4, preview.Problems.Count);

        var badMapping = await (await Post(admin, "import", csv, new() { ["name"] = "Name" })).ValidationErrors();
        Assert.Contains("Name", badMapping["name"][0], StringComparison.Ordinal);
        Assert.Equal(before, await NationalVersionsAsync(admin));
    }

    [Fact]
    public async Task An_analyst_may_not_import_a_national_list()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(analyst, "import", Header + "1,A Name,,,,,\n", Mapping)).StatusCode);
    }

    private static async Task<int> NationalVersionsAsync(HttpClient client)
        => (await client.GetAs<JsonElement>("/api/screening/lists")).EnumerateArray().Count(v => v.GetProperty("source").GetString() == "National");

    private static async Task<HttpResponseMessage> Post(HttpClient client, string action, string csv, Dictionary<string, string> mapping)
    {
        using var form = new MultipartFormDataContent { { new StringContent(csv), "file", "schedule-4.csv" }, { new StringContent("Fourth Schedule (test)"), "listName" } };
        foreach (var (field, column) in mapping)
        {
            form.Add(new StringContent(column), field);
        }
        return await client.PostAsync($"/api/screening/national/{action}", form);
    }
}
