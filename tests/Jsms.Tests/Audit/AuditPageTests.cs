using System.Net;
using System.Text.Json;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Audit;

/// <summary>
/// The audit page names records and agencies only where the viewer may read them, filters by action, record type,
/// user and period, pages, and exports what it found as CSV, itself audited.
/// </summary>
public sealed class AuditPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private async Task<Guid> CreateSensorAsync(string username, string code, string name)
    {
        using var client = await app.LoginAs(username);
        var response = await client.Post("/api/sensors", new
        {
            code, name, kind = "Gate", latitude = 24.9, longitude = 67.1, marking = new { tlp = "AMBER" },
        });
        return (await response.Read<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_record_is_named_and_linked_when_readable_and_shown_by_id_only_when_not()
    {
        var visible = await CreateSensorAsync("pk.analyst", "AUD-PK-1", "Audit visible gate");
        var hidden = await CreateSensorAsync("cn.coordinator", "AUD-CN-1", "Secret foreign gate");
        using var admin = await app.SignInWebAsync("admin");

        var html = await admin.Client.GetStringAsync("/Audit?recordType=Sensor&action=create");

        Assert.Contains($"<a href=\"/Tracking/Sensor/{visible}\" data-testid=\"audit-record-name\">Audit visible gate</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret foreign gate", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit-record-hidden\"", html, StringComparison.Ordinal);
        Assert.Contains(hidden.ToString(), html, StringComparison.Ordinal);
        Assert.Contains(">CN-MPS</a>", html, StringComparison.Ordinal);
        Assert.Contains(">PK-NACTA</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>login.success</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_user_action_and_period_narrow_the_entries_and_bad_filters_are_named()
    {
        await app.RequestTokenAsync("pk.viewer", "wrong-password-for-audit");
        using var admin = await app.SignInWebAsync("admin");

        var failures = await admin.Client.GetStringAsync("/Audit?action=login.failure&user=pk.viewer");
        Assert.Contains("<code>login.failure</code>", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>login.success</code>", failures, StringComparison.Ordinal);
        Assert.Contains("<option value=\"login.failure\" selected=\"selected\">", failures, StringComparison.Ordinal);

        var future = await admin.Client.GetStringAsync("/Audit?from=2100-01-01T00:00");
        Assert.Contains("data-testid=\"audit-empty\"", future, StringComparison.Ordinal);

        var bad = await admin.Client.GetStringAsync("/Audit?recordId=not-a-guid");
        Assert.Contains("class=\"field-error\"", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_pages_from_newest_to_older_entries()
    {
        using var admin = await app.SignInWebAsync("admin");
        var first = await admin.Client.GetStringAsync("/Audit");
        var older = System.Text.RegularExpressions.Regex.Match(first, "<a [^>]*data-testid=\"audit-older\"[^>]*>");
        Assert.True(older.Success, "no link to older entries");
        var before = System.Text.RegularExpressions.Regex.Match(older.Value, "before=(\\d+)").Groups[1].Value;

        var second = await admin.Client.GetStringAsync("/Audit?before=" + before);

        Assert.Contains("data-testid=\"audit-newest\"", second, StringComparison.Ordinal);
        var firstSequences = Sequences(first);
        var secondSequences = Sequences(second);
        Assert.Equal(50, firstSequences.Count);
        Assert.True(secondSequences.Max() < firstSequences.Min());
    }

    [Fact]
    public async Task The_csv_export_holds_the_filtered_entries_with_readable_names_only_and_is_audited()
    {
        var visible = await CreateSensorAsync("pk.analyst", "AUD-PK-2", "Exported visible gate");
        await CreateSensorAsync("cn.coordinator", "AUD-CN-2", "Exported secret gate");
        using var admin = await app.SignInWebAsync("admin");

        var response = await admin.Client.GetAsync("/Audit?recordType=Sensor&action=create&handler=Csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,timestamp_utc,user,agency,action,record_type", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Contains(",create,Sensor,", line, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(visible.ToString(), StringComparison.Ordinal) && l.Contains("Exported visible gate", StringComparison.Ordinal));
        Assert.DoesNotContain("Exported secret gate", csv, StringComparison.Ordinal);
        Assert.Contains("(not visible to you)", csv, StringComparison.Ordinal);
        var exports = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.Action == "export" && e.UserName == "admin").Select(e => e.Detail).ToListAsync());
        Assert.Contains(exports, d => d!.Contains("CSV", StringComparison.Ordinal) && d.Contains("recordType=Sensor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_csv_export_is_for_administrators_and_neutralises_formulas()
    {
        await app.RequestTokenAsync("=cmd|calc", "wrong-password-for-audit");
        using var admin = await app.LoginAs("admin");
        using var analyst = await app.LoginAs("pk.analyst");

        var response = await admin.GetAsync("/api/audit/export.csv?action=login.failure");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(",'=cmd|calc,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/audit/export.csv")).StatusCode);
    }

    private static List<long> Sequences(string html)
        => [.. System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"audit-entry\" data-sequence=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
}
