using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Incidents;

/// <summary>/Incidents/Import: upload, preview with the column mapping, confirm, outcome; writers only.</summary>
public sealed partial class IncidentImportPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static async Task<HttpResponseMessage> PreviewAsync(BrowserlessSession session, string format, string fileName, string csv)
    {
        var token = await session.AntiforgeryTokenAsync("/Incidents/Import");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(format), "Format" } };
        var file = new StringContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "CsvFile", fileName);
        return await session.Client.PostAsync("/Incidents/Import?handler=Preview", form);
    }

    private static string UploadOf(string html) => UploadInput().Match(html).Groups[1].Value;

    [Fact]
    public async Task A_writer_previews_the_first_rows_and_the_mapping_then_confirms_and_sees_what_was_added_and_a_second_confirm_is_refused()
    {
        using var pakistan = await app.SignInWebAsync("pk.coordinator");
        var page = await pakistan.Client.GetStringAsync("/Incidents/Import");
        Assert.Contains("<label for=\"import-file\">", page, StringComparison.Ordinal);
        Assert.Contains("id=\"import-file\"", page, StringComparison.Ordinal);

        var csv = await File.ReadAllTextAsync(IncidentSamples.Path("gtd-sample.csv"));
        var preview = await PreviewAsync(pakistan, "gtd", "gtd-sample.csv", csv);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"import-columns\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>eventid</td>", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "data-testid=\"import-row\""));
        Assert.Contains("202301150001", html, StringComparison.Ordinal);
        var upload = UploadOf(html);
        Assert.Matches("^[0-9a-f]{32}$", upload);
        using (var analyst = await app.LoginAs("pk.analyst"))
        {
            // Nothing is stored by the preview.
            Assert.Equal(0, (await analyst.GetJson("/api/incidents?text=Peshawar&from=2023-01-01&to=2023-01-31")).Body.GetProperty("total").GetInt32());
        }

        var confirm = await pakistan.PostFormAsync("/Incidents/Import", [new("Upload", upload), new("Format", "gtd"), new("Marking.Tlp", "AMBER")], "Confirm");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var outcome = WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
        Assert.Contains("data-stored=\"true\"", outcome, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-added\">4</strong>", outcome, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-unchanged\">0</strong>", outcome, StringComparison.Ordinal);

        var again = await pakistan.PostFormAsync("/Incidents/Import", [new("Upload", upload), new("Format", "gtd"), new("Marking.Tlp", "AMBER")], "Confirm");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("upload the file again", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same file once more: previewed and confirmed, it changes nothing.
        var second = UploadOf(await (await PreviewAsync(pakistan, "gtd", "gtd-sample.csv", csv)).Content.ReadAsStringAsync());
        var unchanged = await (await pakistan.PostFormAsync("/Incidents/Import", [new("Upload", second), new("Format", "gtd"), new("Marking.Tlp", "AMBER")], "Confirm")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"import-unchanged\">4</strong>", unchanged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_listed_with_its_line_and_nothing_is_stored_and_a_viewer_gets_no_import_page()
    {
        using var pakistan = await app.SignInWebAsync("pk.coordinator");
        var csv = await File.ReadAllTextAsync(IncidentSamples.Path("gtd-sample-bad-row.csv"));
        var upload = UploadOf(await (await PreviewAsync(pakistan, "gtd", "bad.csv", csv)).Content.ReadAsStringAsync());
        var confirm = await pakistan.PostFormAsync("/Incidents/Import", [new("Upload", upload), new("Format", "gtd"), new("Marking.Tlp", "AMBER")], "Confirm");
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("data-stored=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-line=\"4\"><td>4</td><td>nkill</td>", html, StringComparison.Ordinal);

        var missingFile = await pakistan.PostFormAsync("/Incidents/Import", [new("Format", "xls")], "Preview");
        Assert.Equal(HttpStatusCode.BadRequest, missingFile.StatusCode);
        Assert.Contains("One of gtd, acled, ucdp.", await missingFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var viewer = await app.SignInWebAsync("pk.viewer");
        var refused = await viewer.Client.GetAsync("/Incidents/Import");
        Assert.DoesNotContain("data-testid=\"import-form\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Upload\" value=\"([0-9a-f]*)\"")]
    private static partial Regex UploadInput();
}
