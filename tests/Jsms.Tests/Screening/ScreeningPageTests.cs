using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Screening;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Screening;

/// <summary>/Screening through the cookie session: list import and re-import with their diff, a screening with its explanation, a batch with its download.</summary>
public sealed class ScreeningPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static async Task<string> PostFileAsync(BrowserlessSession session, string handler, string query, string field, string fileName, byte[] bytes)
    {
        var token = await session.AntiforgeryTokenAsync("/Screening");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        var response = await session.Client.PostAsync($"/Screening?handler={handler}{query}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>The real UN list imported through the page once per app.</summary>
    private async Task EnsureUnAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (await app.WithDb(db => db.Set<ScreeningListVersion>().AnyAsync(v => v.Source == ListSource.UN)))
            {
                return;
            }
            using var admin = await app.SignInWebAsync("admin");
            var html = await PostFileAsync(admin, "Import", "&source=un", "file", "un.xml", await File.ReadAllBytesAsync(ScreeningApp.UnFile));
            Assert.Contains("UN version 1", html, StringComparison.Ordinal);
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task Reimport_through_the_page_shows_the_diff_and_a_bad_file_leaves_the_version_intact()
    {
        await EnsureUnAsync();
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var xml = await File.ReadAllTextAsync(ScreeningApp.UnFile);
        var modified = xml.Replace("<FIRST_NAME>FRANK KAKOLELE</FIRST_NAME>", "<FIRST_NAME>FRANCK KAKOLELE</FIRST_NAME>", StringComparison.Ordinal)
            .Replace("<INDIVIDUALS>", "<INDIVIDUALS><INDIVIDUAL><DATAID>99999998</DATAID><FIRST_NAME>PAGETEST</FIRST_NAME><SECOND_NAME>NEWCOMER</SECOND_NAME></INDIVIDUAL>", StringComparison.Ordinal);
        var html = await PostFileAsync(coordinator, "Import", "&source=un", "file", "un-modified.xml", Encoding.UTF8.GetBytes(modified));
        Assert.Contains("1 added, 0 removed, 1 changed", html, StringComparison.Ordinal);

        var version = await app.WithDb(db => db.Set<ScreeningListVersion>().Where(v => v.Source == ListSource.UN).OrderByDescending(v => v.Number).FirstAsync());
        var diff = await coordinator.Client.GetStringAsync($"/Screening?diff={version.Id}");
        Assert.Contains("99999998", diff, StringComparison.Ordinal);
        Assert.Contains("PAGETEST NEWCOMER", diff, StringComparison.Ordinal);
        Assert.Contains("FRANCK KAKOLELE", diff, StringComparison.Ordinal);

        var bad = await PostFileAsync(coordinator, "Import", "&source=un", "file", "broken.xml", Encoding.UTF8.GetBytes("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"));
        Assert.Contains("data-testid=\"error-import\"", bad, StringComparison.Ordinal);
        Assert.Contains("The current version is unchanged.", bad, StringComparison.Ordinal);
        var current = await app.WithDb(db => db.Set<ScreeningListVersion>().Where(v => v.Source == ListSource.UN).OrderByDescending(v => v.Number).FirstAsync());
        Assert.Equal(version.Id, current.Id);

        // The real list back as current for the other tests of this app.
        await PostFileAsync(coordinator, "Import", "&source=un", "file", "un.xml", await File.ReadAllBytesAsync(ScreeningApp.UnFile));
    }

    [Fact]
    public async Task A_viewer_screens_a_name_and_sees_the_explanation_and_marking_and_the_screening_is_audited()
    {
        await EnsureUnAsync();
        using var viewer = await app.SignInWebAsync("pk.viewer");
        var html = await viewer.PostFormAsync("/Screening", [new("Name", "Frank Kakolelle Bwambale"), new("BirthDate", ""), new("Nationality", ""), new("Type", "person")], handler: "Search");
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"screening-result\"", text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"explanation\"", text, StringComparison.Ordinal);
        Assert.Contains("KAKOLELE", text, StringComparison.Ordinal);
        Assert.Contains("matched", text, StringComparison.Ordinal);
        Assert.Contains("AMBER&#x2B;STRICT", text, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "screen" && e.UserName == "pk.viewer")));
    }

    [Fact]
    public async Task A_batch_file_is_screened_through_the_page_with_a_download_link()
    {
        await EnsureUnAsync();
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var html = await PostFileAsync(analyst, "Batch", "", "file", "payments.csv",
            Encoding.UTF8.GetBytes("name,birthDate,nationality,type\r\nSaddam Hussein Al-Tikriti,1937,IQ,person\r\nJohanna Beispiel,,,person\r\n"));
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/api/screening/batch/[0-9a-f-]+/csv)\"");
        Assert.True(link.Success, "no download link");
        Assert.Contains("data-testid=\"batch-screened\">2<", html, StringComparison.Ordinal);
        var csv = await analyst.Client.GetStringAsync(link.Groups[1].Value);
        Assert.Contains("Saddam Hussein Al-Tikriti", csv, StringComparison.Ordinal);

        var bad = await PostFileAsync(analyst, "Batch", "", "file", "bad.csv", Encoding.UTF8.GetBytes("who\r\nx\r\n"));
        Assert.Contains("class=\"error\"", bad, StringComparison.Ordinal);
    }
}
