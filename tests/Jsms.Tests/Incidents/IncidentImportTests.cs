using System.Net;
using System.Text;
using Jsms.Features.Incidents;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Incidents;

/// <summary>GTD, ACLED and UCDP GED files through <c>POST /api/incidents/import</c> and <c>jsms incidents import</c>.</summary>
public sealed class IncidentImportTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static async Task<int> TotalAsync(HttpClient client) => (await client.GetJson("/api/incidents?pageSize=1")).Body.GetProperty("total").GetInt32();

    [Theory]
    [InlineData("gtd", "gtd-sample", 4, new[] { "202301150001", "202302100004" })]
    [InlineData("acled", "acled-sample", 3, new[] { "PAK90001" })]
    [InlineData("ucdp", "ucdp-ged-sample", 2, new[] { "990002" })]
    public async Task A_file_is_imported_once_a_reimport_changes_nothing_and_a_corrected_file_updates_only_its_changed_events(string format, string sample,
        int rows, string[] corrected)
    {
        var analyst = await app.LoginAs("pk.analyst");
        var first = await (await analyst.ImportFileAsync(format, IncidentSamples.Path(sample + ".csv"))).Read<ImportOutcomeDto>();
        Assert.True(first.Stored);
        Assert.Equal(rows, first.Added.Count);
        Assert.Empty(first.Updated);
        Assert.Empty(first.Unchanged);
        var total = await TotalAsync(analyst);

        var again = await (await analyst.ImportFileAsync(format, IncidentSamples.Path(sample + ".csv"))).Read<ImportOutcomeDto>();
        Assert.Empty(again.Added);
        Assert.Empty(again.Updated);
        Assert.Equal(rows, again.Unchanged.Count);
        Assert.Equal(total, await TotalAsync(analyst));

        var fixedFile = await (await analyst.ImportFileAsync(format, IncidentSamples.Path(sample + "-corrected.csv"))).Read<ImportOutcomeDto>();
        Assert.Empty(fixedFile.Added);
        Assert.Equal(corrected.Order(), fixedFile.Updated.Select(u => u.EventId).Order());
        Assert.Equal(rows - corrected.Length, fixedFile.Unchanged.Count);
        Assert.Equal(total, await TotalAsync(analyst));
        var updated = fixedFile.Updated[0];
        Assert.Equal(first.Added.Single(a => a.EventId == updated.EventId).IncidentId, updated.IncidentId);
        var history = (await analyst.GetJson($"/api/incidents/{updated.IncidentId}/versions")).Body.GetProperty("versions");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Contains(history[0].GetProperty("changedFields").EnumerateArray(), f => f.GetString()!.StartsWith("imported from", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gtd", "gtd-sample-bad-row.csv", "line 4: nkill")]
    [InlineData("acled", "acled-sample-bad-row.csv", "line 3: latitude")]
    [InlineData("ucdp", "ucdp-ged-sample-bad-row.csv", "line 2: best")]
    public async Task A_bad_row_is_reported_by_its_line_and_column_and_nothing_of_the_file_is_stored(string format, string file, string key)
    {
        var analyst = await app.LoginAs("pk.coordinator");
        var before = await TotalAsync(analyst);

        var response = await analyst.ImportFileAsync(format, IncidentSamples.Path(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ValidationErrors();
        Assert.Equal([key], errors.Keys);
        Assert.Equal(before, await TotalAsync(analyst));
    }

    [Fact]
    public async Task The_gtd_codes_are_kept_faithfully_an_unknown_day_is_month_precision_and_an_approximate_date_a_week()
    {
        var analyst = await app.LoginAs("pk.analyst");
        var lines = File.ReadAllText(IncidentSamples.Path("gtd-sample.csv")).Split("\r\n");
        var csv = string.Join("\r\n", lines.Select((line, i) => i == 0 || line.Length == 0 ? line : "F" + line.Replace(",2023,", ",2021,", StringComparison.Ordinal)));
        var outcome = await (await analyst.ImportTextAsync("gtd", csv)).Read<ImportOutcomeDto>();
        Assert.Equal(4, outcome.Added.Count);

        var suicide = (await analyst.GetJson($"/api/incidents/{outcome.Added.Single(a => a.EventId == "F202301150001").IncidentId}")).Body;
        Assert.Equal("2021-01-15", suicide.GetProperty("occurredOn").GetString());
        Assert.Equal("Day", suicide.GetProperty("datePrecision").GetString());
        Assert.Equal("Exact", suicide.GetProperty("placePrecision").GetString());
        Assert.True(suicide.GetProperty("suicide").GetBoolean());
        Assert.Equal(3, suicide.GetProperty("attackTypes")[0].GetProperty("code").GetInt32());
        Assert.Equal("Yes", suicide.GetProperty("perpetrators")[0].GetProperty("claimed").GetString());
        Assert.Equal(5, suicide.GetProperty("killedBest").GetInt32());
        var perpetrators = suicide.GetProperty("casualties").EnumerateArray().Single(c => c.GetProperty("victimClass").GetString() == "Perpetrators");
        Assert.Equal(1, perpetrators.GetProperty("killedBest").GetInt32());

        var kidnapping = (await analyst.GetJson($"/api/incidents/{outcome.Added.Single(a => a.EventId == "F202301000002").IncidentId}")).Body;
        Assert.Equal("Month", kidnapping.GetProperty("datePrecision").GetString());
        Assert.Equal("2021-01-01", kidnapping.GetProperty("occurredOn").GetString());
        Assert.Equal("Admin1", kidnapping.GetProperty("placePrecision").GetString());
        Assert.Equal(0, kidnapping.GetProperty("perpetrators").GetArrayLength());
        Assert.True(kidnapping.GetProperty("hostagesOrKidnapping").GetBoolean());

        var approximate = (await analyst.GetJson($"/api/incidents/{outcome.Added.Single(a => a.EventId == "F202302030003").IncidentId}")).Body;
        Assert.Equal("Week", approximate.GetProperty("datePrecision").GetString());
        Assert.Equal(["Balochistan Liberation Army (BLA)"], approximate.GetProperty("perpetrators").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(3, approximate.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task Acled_types_map_to_gtd_types_only_where_sound_and_keep_their_own_label_in_the_source()
    {
        var analyst = await app.LoginAs("pk.analyst");
        var csv = File.ReadAllText(IncidentSamples.Path("acled-sample.csv")).Replace("PAK9000", "PAKT000", StringComparison.Ordinal);
        var outcome = await (await analyst.ImportTextAsync("acled", csv)).Read<ImportOutcomeDto>();

        var bomb = (await analyst.GetJson($"/api/incidents/{outcome.Added.Single(a => a.EventId == "PAKT0001").IncidentId}")).Body;
        Assert.Equal(3, bomb.GetProperty("attackTypes")[0].GetProperty("code").GetInt32());
        Assert.True(bomb.GetProperty("suicide").GetBoolean());
        var shooting = (await analyst.GetJson($"/api/incidents/{outcome.Added.Single(a => a.EventId == "PAKT0002").IncidentId}")).Body;
        Assert.Equal(0, shooting.GetProperty("attackTypes").GetArrayLength());
        Assert.Contains("Violence against civilians / Attack", shooting.GetProperty("sources")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("Week", shooting.GetProperty("datePrecision").GetString());
        Assert.Equal("Civilians", shooting.GetProperty("casualties")[0].GetProperty("victimClass").GetString());
        var ied = (await analyst.GetJson($"/api/incidents/{outcome.Added.Single(a => a.EventId == "PAKT0003").IncidentId}")).Body;
        Assert.Equal("Month", ied.GetProperty("datePrecision").GetString());
        Assert.Equal("2023-03-01", ied.GetProperty("occurredOn").GetString());
        Assert.Equal("Admin1", ied.GetProperty("placePrecision").GetString());
    }

    [Fact]
    public async Task A_viewer_is_refused_before_the_file_is_read_and_an_unknown_format_or_missing_column_is_named()
    {
        var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.ImportFileAsync("gtd", IncidentSamples.Path("gtd-sample.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().ImportFileAsync("gtd", IncidentSamples.Path("gtd-sample.csv"))).StatusCode);

        var analyst = await app.LoginAs("pk.analyst");
        Assert.Contains("format", (await (await analyst.ImportTextAsync("xls", "a,b\r\n1,2\r\n")).ValidationErrors()).Keys);
        var missing = await (await analyst.ImportTextAsync("ucdp", "id,year\r\n1,2023\r\n")).ValidationErrors();
        Assert.Contains("line 1: best", missing.Keys);
    }

    [Fact]
    public async Task The_command_line_imports_with_progress_and_a_second_run_changes_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jsms-gtd-{Guid.NewGuid():N}.csv");
        var csv = File.ReadAllText(IncidentSamples.Path("gtd-sample.csv")).Replace("\r\n2023", "\r\nC2023", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, csv, Encoding.UTF8);
        try
        {
            var run = await CommandLine.RunAsync(["incidents", "import", "gtd", file, "--as", "pk.analyst", "--tlp", "GREEN", .. CommandLine.DatabaseArguments(app)]);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("4 added, 0 updated, 0 unchanged", run.Output, StringComparison.Ordinal);
            Assert.Contains("writing 4 new incidents", run.Error, StringComparison.Ordinal);

            var again = await CommandLine.RunAsync(["incidents", "import", "gtd", file, "--as", "pk.analyst", .. CommandLine.DatabaseArguments(app)]);
            Assert.Contains("0 added, 0 updated, 4 unchanged", again.Output, StringComparison.Ordinal);

            var viewer = await CommandLine.RunAsync(["incidents", "import", "gtd", file, "--as", "pk.viewer", .. CommandLine.DatabaseArguments(app)]);
            Assert.Equal(1, viewer.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
