using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Audit;

public sealed class AuditTrailTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task The_chain_verifies_after_a_realistic_sequence_of_actions()
    {
        using var admin = await app.LoginAs("admin");
        await app.RequestTokenAsync("pk.viewer", "wrong-password-here");
        var (_, analyst) = await app.FreshTokenAsync("pk.analyst");
        using (analyst)
        {
            await analyst.GetAsync("/api/alerts");
            await analyst.DeleteAsync("/api/auth/token");
        }
        await admin.PostAsJsonAsync("/api/partners/states", new { isoCode = "TJ", name = "Tajikistan" });
        await admin.PostAsJsonAsync("/api/partners/agencies", new { code = "TJ-GKNB", name = "State Committee for National Security", state = "TJ" });
        await admin.PostAsJsonAsync("/api/users", new { username = "tj.liaison", agency = "TJ-GKNB", roles = LiaisonRole, password = "LongEnough2026" });
        // An administrator disables only users of their own agency.
        var created = await admin.PostAsJsonAsync("/api/users", new { username = "pk.audit.liaison", agency = "PK-NACTA", roles = LiaisonRole, password = "LongEnough2026" });
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsync($"/api/users/{userId}/disable", null);

        var response = await admin.GetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<AuditVerification>())!;
        var count = await app.WithDb(db => db.Set<AuditEntry>().LongCountAsync());
        Assert.True(outcome.Intact, outcome.Problem);
        Assert.Null(outcome.FirstBrokenSequence);
        Assert.Equal(count - 1, outcome.EntriesChecked); // the verification's own entry comes after
        Assert.True(count > 30, $"only {count} entries");
        var actions = await app.WithDb(db => db.Set<AuditEntry>().Select(e => e.Action).Distinct().ToListAsync());
        Assert.Superset(new HashSet<string> { "create", "login.success", "login.failure", "token.issue", "token.revoke", "user.disable", "audit.verify" }, actions.ToHashSet());
    }

    [Fact]
    public async Task Concurrent_audited_requests_keep_one_unbroken_chain()
    {
        using var admin = await app.LoginAs("admin");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i => i % 2 == 0
            ? (await app.RequestTokenAsync("cn.coordinator")).StatusCode
            : (await admin.PostAsJsonAsync("/api/partners/states", new { isoCode = $"Q{(char)('A' + i)}", name = $"Test state {i}" })).StatusCode));

        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, status.ToString()));
        var outcome = await app.WithDb(db => AuditTrail.VerifyAsync(db));
        Assert.True(outcome.Intact, outcome.Problem);
    }

    [Fact]
    public async Task Only_administrators_reach_the_audit_api()
    {
        using var coordinator = await app.LoginAs("pk.coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/audit/export")).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_entries_by_user_record_action_and_time()
    {
        using var admin = await app.LoginAs("admin");
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var windowStart = app.Clock.GetUtcNow();
        var state = await admin.PostAsJsonAsync("/api/partners/states", new { isoCode = "KG", name = "Kyrgyzstan" });
        var stateId = (await state.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var windowEnd = app.Clock.GetUtcNow();
        await app.RequestTokenAsync("us.analyst");

        var byRecord = await Search(admin, $"recordId={stateId}");
        var created = Assert.Single(byRecord);
        Assert.Equal(("create", "State", "admin"), (created.Action, created.RecordType, created.UserName));
        Assert.Equal(windowStart.UtcDateTime, created.Timestamp);

        var byUser = await Search(admin, "user=us.analyst");
        Assert.NotEmpty(byUser);
        Assert.All(byUser, e => Assert.Equal("us.analyst", e.UserName));
        Assert.Contains(byUser, e => e.Action == "token.issue");

        var inWindow = await Search(admin, $"from={windowStart.UtcDateTime:O}&to={windowEnd.UtcDateTime:O}");
        Assert.Equal([created.Sequence], inWindow.Select(e => e.Sequence));

        var logins = await Search(admin, "action=login.success&limit=2");
        Assert.Equal(2, logins.Count);
        Assert.True(logins[0].Sequence > logins[1].Sequence, "newest first");
        var older = await Search(admin, $"action=login.success&before={logins[1].Sequence}&limit=1000");
        Assert.All(older, e => Assert.True(e.Sequence < logins[1].Sequence));
    }

    [Fact]
    public async Task The_application_cannot_change_delete_or_forge_audit_entries()
    {
        var before = await app.WithDb(db => db.Set<AuditEntry>().CountAsync());

        await app.WithDb(async db =>
        {
            var entry = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).FirstAsync();
            entry.Detail = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await app.WithDb(async db =>
        {
            db.Remove(await db.Set<AuditEntry>().OrderBy(e => e.Sequence).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await app.WithDb(async db =>
        {
            db.Add(new AuditEntry { Sequence = 1_000_000, Action = "forged", UserName = "nobody", PreviousHash = AuditTrail.GenesisHash, Hash = AuditTrail.GenesisHash });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        // SQL that bypasses the change tracker meets the database triggers.
        await app.WithDb(async db =>
        {
            await Assert.ThrowsAnyAsync<DbException>(() => db.Set<AuditEntry>().Where(e => e.Sequence == 1).ExecuteDeleteAsync());
            await Assert.ThrowsAnyAsync<DbException>(() => db.Set<AuditEntry>().Where(e => e.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "rewritten")));
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        });

        Assert.Equal(before, await app.WithDb(db => db.Set<AuditEntry>().CountAsync()));
        Assert.True((await app.WithDb(db => AuditTrail.VerifyAsync(db))).Intact);
    }

    [Fact]
    public async Task The_export_has_one_line_per_entry_whose_hash_recomputes_from_the_documented_format()
    {
        // Characters the default JSON encoder would escape differently: the hash format must not depend on it.
        await app.WithDb(async db =>
        {
            db.Audit("note", "Test", Guid.NewGuid(), "AMBER+STRICT <b>café</b> \"quoted\" \\ back\nnew line 中文");
            await db.SaveChangesAsync();
        });
        using var admin = await app.LoginAs("admin");

        var response = await admin.GetAsync("/api/audit/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var previous = AuditTrail.GenesisHash;
        for (var i = 0; i < lines.Length; i++)
        {
            var e = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(i + 1, e.GetProperty("sequence").GetInt64());
            Assert.Equal(previous, e.GetProperty("previousHash").GetString());
            Assert.Equal(e.GetProperty("hash").GetString(), IndependentHash(e));
            previous = e.GetProperty("hash").GetString()!;
        }
        var last = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.Equal("export", last.GetProperty("action").GetString());
        Assert.Equal("admin", last.GetProperty("userName").GetString());
        Assert.Contains(lines, l => l.Contains("\"action\":\"note\"", StringComparison.Ordinal));
        await AssertDocumentedPythonVerifierAccepts(lines);
    }

    /// <summary>
    /// Runs the Python snippet of docs/audit-log.md on the export when a python3 is on the PATH
    /// (the C# recomputation above runs everywhere).
    /// </summary>
    private static async Task AssertDocumentedPythonVerifierAccepts(string[] lines)
    {
        var python = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "python3")).FirstOrDefault(File.Exists);
        var docs = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "audit-log.md");
        if (python is null || !File.Exists(docs))
        {
            return;
        }
        var markdown = await File.ReadAllTextAsync(docs);
        var start = markdown.IndexOf("```python\n", StringComparison.Ordinal) + "```python\n".Length;
        var script = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
        var folder = Directory.CreateTempSubdirectory("jsms-audit-export");
        try
        {
            var scriptPath = Path.Combine(folder.FullName, "verify_audit.py");
            var exportPath = Path.Combine(folder.FullName, "audit.jsonl");
            await File.WriteAllTextAsync(scriptPath, script);
            await File.WriteAllLinesAsync(exportPath, lines);
            var intact = await RunPython(python, scriptPath, exportPath);
            Assert.StartsWith($"intact: {lines.Length} entries", intact, StringComparison.Ordinal);

            // The same script notices an edited line.
            lines[1] = lines[1].Replace("\"userName\":\"", "\"userName\":\"x", StringComparison.Ordinal);
            await File.WriteAllLinesAsync(exportPath, lines);
            Assert.Contains("BROKEN: entry 2 was altered", await RunPython(python, scriptPath, exportPath), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunPython(string python, string script, string export)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(python, [script, export])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output + error;
    }

    /// <summary>docs/audit-log.md's hash, computed without AuditTrail: a compact JSON array escaping only what JSON requires.</summary>
    private static string IndependentHash(JsonElement e)
    {
        string?[] names = ["timestamp", "userId", "userName", "agencyId", "action", "recordType", "recordId", "detail", "remoteAddress", "previousHash"];
        var fields = new List<object?> { e.GetProperty("sequence").GetInt64() };
        fields.AddRange(names.Select(n => (object?)e.GetProperty(n!).GetString()));
        var canonical = JsonSerializer.Serialize(fields, MinimalEscaping);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static readonly string[] LiaisonRole = ["liaison"];

    private static readonly JsonSerializerOptions MinimalEscaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<List<AuditEntryDto>> Search(HttpClient client, string query)
        => (await client.GetFromJsonAsync<List<AuditEntryDto>>("/api/audit?" + query))!;
}
