using System.Net;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Access;

/// <summary>
/// A writer of an agency that may not read a record gets 404 on every route that names it (reads and changes, nested
/// records too) and changes nothing: what the owner reads stays the same, and the audit log, where every change of a
/// record is written, gains no entry in the outsider's name. The routes are the table of <see cref="ForeignRoutes"/>.
/// </summary>
public sealed class ForeignRecordSweepTests(ForeignRecordApp app) : IClassFixture<ForeignRecordApp>
{
    [Theory]
    [MemberData(nameof(ForeignRoutes.Modules), MemberType = typeof(ForeignRoutes))]
    public async Task Every_route_on_a_record_the_caller_may_not_read_answers_404_and_changes_nothing(string module)
    {
        var ids = await app.IdsAsync();
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var before = await SnapshotAsync(module, ids);
        var failures = new List<string>();
        foreach (var route in ForeignRoutes.All.Where(r => r.Module == module))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Resolve(ids));
            if (route.Method != "GET")
            {
                request.Content = JsonContent(route.Body ?? new { });
            }
            using var response = await outsider.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{route}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }
        var after = await SnapshotAsync(module, ids);
        Assert.True(failures.Count == 0, $"{module}: routes that did not answer 404 to {ForeignRecordApp.Outsider}:\n" + string.Join('\n', failures));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Every_route_with_an_id_of_the_swept_modules_has_a_row()
    {
        var covered = ForeignRoutes.All.Select(r => r.OpenApiShape).ToHashSet(StringComparer.Ordinal);
        var missing = (await ApiOperation.ReadAsync(app))
            .Where(o => o.Path.Contains('{', StringComparison.Ordinal) && ForeignRoutes.Prefixes.Values.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal)))
            .Select(o => o.Method + " " + System.Text.RegularExpressions.Regex.Replace(o.Path, "\\{[^}]*\\}", "{}"))
            .Where(shape => !covered.Contains(shape) && !ForeignRoutes.NotSwept.ContainsKey(shape))
            .ToList();
        Assert.True(missing.Count == 0, "Routes with an id and no row in ForeignRoutes.All:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Each_foreign_record_is_unreadable_to_the_outsider_and_readable_to_its_owner()
    {
        var ids = await app.IdsAsync();
        foreach (var (module, (user, templates)) in ForeignRoutes.Snapshots)
        {
            using var owner = await app.LoginAs(user);
            foreach (var template in templates)
            {
                var url = new ForeignRoute(module, "GET", template).Resolve(ids);
                Assert.True((await owner.GetAsync(url)).IsSuccessStatusCode, $"{user} reads {url}");
            }
        }
    }

    /// <summary>The owner's reading of the module's records, and what the audit log holds of the outsider (every change writes an entry).</summary>
    private async Task<string> SnapshotAsync(string module, IReadOnlyDictionary<string, Guid> ids)
    {
        var (user, templates) = ForeignRoutes.Snapshots[module];
        using var owner = await app.LoginAs(user);
        var parts = new List<string>();
        foreach (var template in templates)
        {
            var url = new ForeignRoute(module, "GET", template).Resolve(ids);
            parts.Add(url + " " + await owner.GetStringAsync(url));
        }
        var acted = await app.WithDb(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.UserName == ForeignRecordApp.Outsider)
            .OrderBy(e => e.Sequence).Select(e => e.Action + " " + e.RecordType + " " + e.RecordId).ToListAsync());
        parts.Add($"audited for {ForeignRecordApp.Outsider}: " + string.Join("; ", acted));
        return string.Join('\n', parts);
    }

    private static StringContent JsonContent(object body)
        => new(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), System.Text.Encoding.UTF8, "application/json");

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
