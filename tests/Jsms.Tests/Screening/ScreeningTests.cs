using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Screening;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Screening;

/// <summary>Where the real list files are.</summary>
public static class ScreeningApp
{
    public static string Sanctions => Path.Combine(FindShared(), "sanctions");

    public static string UnFile => Path.Combine(Sanctions, "un-consolidated-2026-02-27.xml");

    private static string FindShared() => Jsms.Tests.Infrastructure.SharedData.Directory;
}

public sealed class ScreeningTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<JsmsTestApp, bool> Imported = [];

    private async Task EnsureListsAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Imported.ContainsKey(app))
            {
                return;
            }
            using var client = await app.LoginAs("admin");
            var un = await PostFiles(client, "/api/screening/lists/un", ("file", ScreeningApp.UnFile));
            Assert.Equal(HttpStatusCode.OK, un.StatusCode);
            var ofac = await PostFiles(client, "/api/screening/lists/ofac",
                ("sdn", Path.Combine(ScreeningApp.Sanctions, "ofac-sdn-2021.csv")),
                ("alt", Path.Combine(ScreeningApp.Sanctions, "ofac-alt-2021.csv")),
                ("add", Path.Combine(ScreeningApp.Sanctions, "ofac-add-2021.csv")));
            Assert.Equal(HttpStatusCode.OK, ofac.StatusCode);
            Imported[app] = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<HttpResponseMessage> PostFiles(HttpClient client, string url, params (string Field, string Path)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (field, path) in files)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, System.IO.Path.GetFileName(path));
        }
        return await client.PostAsync(url, form);
    }

    private static async Task<HttpResponseMessage> PostBytes(HttpClient client, string url, string field, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), field, fileName);
        return await client.PostAsync(url, form);
    }

    private async Task<List<ListVersionDto>> VersionsAsync()
    {
        using var client = await app.LoginAs("admin");
        return (await client.GetFromJsonAsync<List<ListVersionDto>>("/api/screening/lists", Json))!;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Both_real_lists_import_with_their_counts()
    {
        await EnsureListsAsync();
        var versions = await VersionsAsync();
        var un = versions.First(v => v.Source == Features.Screening.Lists.ListSource.UN && v.Current);
        var ofac = versions.First(v => v.Source == Features.Screening.Lists.ListSource.OFAC && v.Current);
        Assert.Equal(730 + 273, un.EntryCount);
        Assert.Equal(8976, ofac.EntryCount);
        var kinds = await app.WithDb(db => db.Set<ScreeningListEntry>().Where(e => e.VersionId == un.Id)
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(730, kinds.Single(k => k.Key == Features.Screening.Lists.EntryKind.Person).Count);
        Assert.Equal(273, kinds.Single(k => k.Key == Features.Screening.Lists.EntryKind.Entity).Count);
    }

    [Fact]
    public async Task Reimport_of_a_modified_UN_file_shows_added_removed_and_changed_entries()
    {
        await EnsureListsAsync();
        var xml = await File.ReadAllTextAsync(ScreeningApp.UnFile);
        // Remove the first individual, change the second's name, add a new one.
        var first = xml.IndexOf("<INDIVIDUAL>", StringComparison.Ordinal);
        var firstEnd = xml.IndexOf("</INDIVIDUAL>", first, StringComparison.Ordinal) + "</INDIVIDUAL>".Length;
        var removed = xml[first..firstEnd];
        var modified = xml.Remove(first, firstEnd - first)
            .Replace("<FIRST_NAME>FRANK KAKOLELE</FIRST_NAME>", "<FIRST_NAME>FRANCK KAKOLELE</FIRST_NAME>", StringComparison.Ordinal)
            .Replace("<INDIVIDUALS>", "<INDIVIDUALS><INDIVIDUAL><DATAID>99999999</DATAID><FIRST_NAME>TESTY</FIRST_NAME><SECOND_NAME>MCTESTFACE</SECOND_NAME></INDIVIDUAL>", StringComparison.Ordinal);
        using var client = await app.LoginAs("pk.coordinator");
        var response = await PostBytes(client, "/api/screening/lists/un", "file", "un-modified.xml", Encoding.UTF8.GetBytes(modified));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<ImportOutcome>(Json))!;
        Assert.Equal((1, 1, 1), (outcome.Added, outcome.Removed, outcome.Changed));

        var diff = (await client.GetFromJsonAsync<ListDiffDto>($"/api/screening/lists/{outcome.VersionId}/diff", Json))!;
        Assert.Contains(diff.Changes, c => c.Change == "added" && c.SourceId == "99999999");
        Assert.Contains(diff.Changes, c => c.Change == "removed" && c.SourceId == "6907993");
        Assert.Contains(diff.Changes, c => c.Change == "changed" && c.Name.StartsWith("FRANCK", StringComparison.Ordinal));
        Assert.Contains("6907993", removed, StringComparison.Ordinal);

        // Put the real list back as the current version for the other tests.
        var back = await PostBytes(client, "/api/screening/lists/un", "file", "un.xml", await File.ReadAllBytesAsync(ScreeningApp.UnFile));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Theory]
    [InlineData("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>", "line 1")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>", "DOCTYPE")]
    [InlineData("<OTHER_LIST/>", "CONSOLIDATED_LIST")]
    [InlineData("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>X</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>", "DATAID")]
    public async Task A_bad_UN_file_is_refused_with_a_problem_and_the_current_version_stays(string xml, string named)
    {
        await EnsureListsAsync();
        var before = (await VersionsAsync()).Where(v => v.Current).Select(v => v.Id).Order().ToList();
        using var client = await app.LoginAs("admin");
        var response = await PostBytes(client, "/api/screening/lists/un", "file", "bad.xml", Encoding.UTF8.GetBytes(xml));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Contains(named, string.Join(" ", problem.Errors["file"]), StringComparison.Ordinal);
        var after = (await VersionsAsync()).Where(v => v.Current).Select(v => v.Id).Order().ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_bad_OFAC_file_names_the_line()
    {
        using var client = await app.LoginAs("admin");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\nabc,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n")), "sdn", "sdn.csv" },
            { new ByteArrayContent([]), "alt", "alt.csv" },
            { new ByteArrayContent([]), "add", "add.csv" },
        };
        var response = await client.PostAsync("/api/screening/lists/ofac", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sdn line 2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_may_not_import_a_list()
    {
        using var client = await app.LoginAs("pk.analyst");
        var response = await PostBytes(client, "/api/screening/lists/un", "file", "un.xml", Encoding.UTF8.GetBytes("<CONSOLIDATED_LIST/>"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Tikriti Sadam Husein", "UN")] // reversed order, transliteration variant, typo
    [InlineData("صدام حسين التكريتي", "UN")] // original script
    [InlineData("Muhammad Omar Mullah", null)]
    public async Task A_listed_name_in_another_spelling_ranks_its_entry_first_with_an_explanation(string name, string? source)
    {
        await EnsureListsAsync();
        using var client = await app.LoginAs("pk.analyst");
        var response = await client.PostAsJsonAsync("/api/screening/search", new { name, type = "person" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>());
        var matches = result.GetProperty("matches");
        Assert.True(matches.GetArrayLength() > 0, $"no match for {name}");
        var top = matches[0];
        if (source is not null)
        {
            Assert.Equal(source, top.GetProperty("source").GetString());
            Assert.Contains("SADDAM", top.GetProperty("primaryName").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        var explanation = string.Join(" ", top.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("matched", explanation, StringComparison.Ordinal);
        Assert.Equal("AMBER+STRICT", result.GetProperty("marking").GetProperty("tlp").GetString());
    }

    [Fact]
    public async Task A_listed_name_in_another_languages_spelling_matches_and_names_the_rule_that_made_it_equivalent()
    {
        await EnsureListsAsync();
        using var client = await app.LoginAs("pk.analyst");
        // OMAR MAHMOUD UTHMAN as French, Persian or Turkish write th.
        var response = await client.PostAsJsonAsync("/api/screening/search", new { name = "Omar Mahmoud Usman" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matches = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray().ToList();
        var uthman = matches.First(m => m.GetProperty("primaryName").GetString()!.Contains("UTHMAN", StringComparison.OrdinalIgnoreCase));
        Assert.True(uthman.GetProperty("score").GetDouble() >= 0.8);
        var rules = uthman.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains(rules, r => r!.Contains("usman ~ uthman", StringComparison.Ordinal) && r.Contains("French/Persian/Turkish convention", StringComparison.Ordinal));
        Assert.NotEmpty(uthman.GetProperty("explanation").EnumerateArray());
    }

    [Fact]
    public async Task A_birth_date_that_differs_weakens_the_match_and_says_so()
    {
        await EnsureListsAsync();
        using var client = await app.LoginAs("pk.analyst");
        async Task<JsonElement> Top(object body)
        {
            var r = await client.PostAsJsonAsync("/api/screening/search", body);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches")[0];
        }
        var same = await Top(new { name = "THARWAT SALAH SHIHATA", birthDate = "1960-06-29" });
        var other = await Top(new { name = "THARWAT SALAH SHIHATA", birthDate = "1990-01-01" });
        Assert.Equal(same.GetProperty("sourceId").GetString(), other.GetProperty("sourceId").GetString());
        Assert.True(other.GetProperty("score").GetDouble() < same.GetProperty("score").GetDouble());
        Assert.Contains("weakens", string.Join(" ", other.GetProperty("explanation").EnumerateArray().Select(e => e.GetString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screening_is_audited_and_another_agency_cannot_reopen_it()
    {
        await EnsureListsAsync();
        using var pk = await app.LoginAs("pk.analyst");
        var response = await pk.PostAsJsonAsync("/api/screening/search", new { name = "Aweys Hassan Dahir" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var audited = await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "screen" && e.RecordId == id && e.UserName == "pk.analyst"));
        Assert.True(audited);

        Assert.Equal(HttpStatusCode.OK, (await pk.GetAsync($"/api/screening/search/{id}")).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "read" && e.RecordId == id)));
        using var cn = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/screening/search/{id}")).StatusCode);
    }

    [Fact]
    public async Task Screening_without_credentials_is_401_and_bad_input_is_400_with_every_problem()
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/screening/search", new { name = "x" })).StatusCode);
        using var client = await app.LoginAs("pk.viewer");
        var response = await client.PostAsJsonAsync("/api/screening/search", new { name = "", birthDate = "yesterday", type = "robot" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey("name") && problem.Errors.ContainsKey("birthDate") && problem.Errors.ContainsKey("type"));
    }

    [Fact]
    public async Task A_batch_of_names_is_screened_and_downloaded_as_csv_with_an_export_audit()
    {
        await EnsureListsAsync();
        using var client = await app.LoginAs("pk.analyst");
        var csv = "name,birthDate,nationality,type\r\nSaddam Hussein Al-Tikriti,1937,IQ,person\r\nJohanna Beispiel,,,person\r\n";
        var response = await PostBytes(client, "/api/screening/batch", "file", "payments.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(2, batch.GetProperty("screened").GetInt32());
        Assert.Equal(1, batch.GetProperty("hits").GetInt32());
        var id = batch.GetProperty("id").GetGuid();
        var download = await client.GetAsync($"/api/screening/batch/{id}/csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var text = await download.Content.ReadAsStringAsync();
        Assert.Contains("Saddam Hussein Al-Tikriti", text, StringComparison.Ordinal);
        Assert.Contains("no match", text, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "export" && e.RecordId == id)));

        var bad = await PostBytes(client, "/api/screening/batch", "file", "bad.csv", Encoding.UTF8.GetBytes("who\r\nx\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Concurrent_screenings_are_each_stored_with_their_own_chained_audit_entry_before_they_answer()
    {
        await EnsureListsAsync();
        using var client = await app.LoginAs("pk.analyst");
        var names = Enumerable.Range(0, 24).Select(i => $"Aweys Hassan Dahir {i}").ToList();
        var responses = await Task.WhenAll(names.Select(n => client.PostAsJsonAsync("/api/screening/search", new { name = n })));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("PK-NACTA", body.GetProperty("marking").GetProperty("ownerAgency").GetString());
            ids.Add(body.GetProperty("id").GetGuid());
        }
        // Answered means committed: every record and its audit entry are there at once, in the screener's name.
        Assert.Equal(ids.Count, await app.WithDb(db => db.Set<ScreeningRecord>().CountAsync(r => ids.Contains(r.Id))));
        Assert.Equal(ids.Count, await app.WithDb(db => db.Set<AuditEntry>()
            .CountAsync(e => e.Action == "screen" && e.RecordId != null && ids.Contains(e.RecordId.Value) && e.UserName == "pk.analyst")));
        Assert.True((await app.WithDb(db => AuditTrail.VerifyAsync(db))).Intact);
    }

    private static readonly string[] ToChina = ["CN-MPS"];

    [Fact]
    public async Task A_screening_released_to_another_agency_is_stored_with_its_grant_and_share_entry()
    {
        await EnsureListsAsync();
        using var client = await app.LoginAs("pk.analyst");
        var response = await client.PostAsJsonAsync("/api/screening/search", new { name = "Aweys Hassan Dahir", marking = new { tlp = "AMBER", releaseTo = ToChina } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("CN-MPS", body.GetProperty("marking").GetProperty("releaseTo")[0].GetString());
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "share" && e.RecordId == id && e.UserName == "pk.analyst")));
        using var cn = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.OK, (await cn.GetAsync($"/api/screening/search/{id}")).StatusCode);
    }
}
