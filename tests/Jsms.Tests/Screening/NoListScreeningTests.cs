using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jsms.Features.Screening;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Screening;

/// <summary>No list, no answer: a screening against nothing is refused, and a result names the list versions behind it.</summary>
public sealed class NoListScreeningTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Screening_without_a_list_is_refused_and_after_an_import_the_result_names_the_list_version_and_links_the_entry()
    {
        using var client = await app.LoginAs("pk.analyst");
        var refused = await client.PostAsJsonAsync("/api/screening/search", new { name = "Frank Kakolelle Bwambale" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("no sanctions list is loaded", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        using var viewer = await app.SignInWebAsync("pk.viewer");
        var page = await viewer.PostFormAsync("/Screening", [new("Name", "Frank Kakolelle Bwambale"), new("BirthDate", ""), new("Nationality", ""), new("Type", "")], handler: "Search");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-lists\"", html, StringComparison.Ordinal);
        Assert.Contains("import UN or OFAC first", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"screening-result\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Set<ScreeningRecord>().AnyAsync()));

        using var admin = await app.LoginAs("admin");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(ScreeningApp.UnFile)), "file", "un.xml" } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/screening/lists/un", form)).StatusCode);

        var found = await viewer.PostFormAsync("/Screening", [new("Name", "Frank Kakolelle Bwambale"), new("BirthDate", ""), new("Nationality", ""), new("Type", "person")], handler: "Search");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var result = await found.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"list-used\" data-source=\"UN\" data-number=\"1\">UN version 1 (imported ", result, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(result, "href=\"(/Screening/Entry\\?[^\"]+)\" data-testid=\"match-entry-link\"");
        Assert.True(link.Success, "no link to the listed entry");
        var entry = await viewer.Client.GetStringAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Contains("KAKOLELE", entry, StringComparison.Ordinal);
        Assert.Contains("list version 1", entry, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"entry-name-row\"", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_listed_entry_answers_404()
    {
        using var viewer = await app.SignInWebAsync("pk.viewer");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync("/Screening/Entry?source=UN&id=does-not-exist")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync("/Screening/Entry?source=XX&id=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.Client.GetAsync($"/Screening/Entry?source=UN&id=1&version={Guid.NewGuid()}")).StatusCode);
    }
}
