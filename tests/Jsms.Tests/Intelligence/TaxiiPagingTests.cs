using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// The hot paths of docs/intelligence.md "Speed": a TAXII page runs a fixed number of SQL queries whatever its size,
/// keyset paging returns every readable version exactly once and nothing else, and bundles are read streamed.
/// (Timings are in bench/Jsms.IntelBench, never here.)
/// </summary>
public sealed class TaxiiPagingTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    /// <summary>Per six objects: CLEAR, GREEN, AMBER released to CN-MPS, AMBER unreleased, AMBER+STRICT naming cn.liaison, RED released to CN-MPS.</summary>
    private static (Tlp Tlp, bool ReadableByPartner) Marking(int k) => (k % 6) switch
    {
        0 => (Tlp.Clear, true),
        1 => (Tlp.Green, true),
        2 => (Tlp.Amber, true),
        3 => (Tlp.Amber, false),
        4 => (Tlp.AmberStrict, true),
        _ => (Tlp.Red, false),
    };

    private sealed record Seeded(Guid Collection, List<(string Id, string Version, Tlp Tlp, bool Partner, bool Latest)> Versions);

    /// <summary>Imports <paramref name="count"/> objects with the markings above; every fourth gets a second version.</summary>
    private async Task<Seeded> SeedAsync(int count)
    {
        var collection = await app.CreateCollectionAsync();
        var objects = new JsonArray();
        var versions = new List<(string, string, Tlp, bool, bool)>();
        for (var k = 0; k < count; k++)
        {
            var (tlp, partner) = Marking(k);
            var id = $"indicator--{Guid.NewGuid()}";
            var modifieds = k % 4 == 0 ? new[] { "2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z" } : ["2026-03-01T10:00:00.000Z"];
            foreach (var modified in modifieds)
            {
                var o = Indicator($"Paging {k}", StixMarkings.Tlp2Ids[tlp], releaseTo: tlp is Tlp.Amber or Tlp.Red && k % 6 != 3 ? ["CN-MPS"] : [], modified: modified, id: id);
                if (tlp == Tlp.AmberStrict)
                {
                    o["extensions"]![StixMarkings.ReleaseExtensionId]!["named_recipients"] = new JsonArray("cn.liaison");
                }
                objects.Add(o);
                versions.Add((id, modified, tlp, partner, modified == modifieds[^1]));
            }
        }
        using var client = await app.LoginAs("pk.analyst");
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = objects };
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import", new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, report);
        Assert.Equal(0, JsonDocument.Parse(report).RootElement.GetProperty("refused").GetInt32());
        return new Seeded(collection, versions);
    }

    /// <summary>Walks a collection following <c>next</c>; returns (id, version) of every object served.</summary>
    private static async Task<List<(string Id, string Version)>> WalkAsync(HttpClient client, string url)
    {
        var served = new List<(string, string)>();
        string? next = null;
        var pages = 0;
        do
        {
            var (status, page, _) = await client.GetJson(next is null ? url : $"{url}&next={Uri.EscapeDataString(next)}");
            Assert.Equal(200, status);
            if (page.TryGetProperty("objects", out var objects))
            {
                // Marking-definitions have no modified: their version is created.
                served.AddRange(objects.EnumerateArray().Select(o => (o.GetProperty("id").GetString()!,
                    (o.TryGetProperty("modified", out var m) ? m : o.GetProperty("created")).GetString()!)));
            }
            next = page.TryGetProperty("more", out var more) && more.GetBoolean() ? page.GetProperty("next").GetString() : null;
            Assert.True(++pages < 1000, "paging does not end");
        }
        while (next is not null);
        return served;
    }

    [Fact]
    public async Task A_taxii_page_runs_the_same_few_sql_queries_for_10_and_for_1000_objects()
    {
        var seeded = await SeedAsync(1_300); // over 1,000 versions the partner may read
        using var partner = await app.TaxiiAs("cn.liaison");
        async Task<(List<string> Queries, List<string> AuditInserts, JsonElement Page)> PageAsync(string url)
        {
            var id = SqlCommandCounter.NewRequestId();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(SqlCommandCounter.Header, id);
            using var response = await partner.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            var commands = SqlCommandCounter.Take(id);
            // Every AMBER+STRICT version served is audited: the chain head is read through EF Core, then the page's entries are
            // written in one bulk statement past it (not counted here). The rest must not depend on the page.
            var audit = commands.Where(c => c.Contains("\"AuditEntries\"", StringComparison.Ordinal)).ToList();
            return ([.. commands.Except(audit)], audit, JsonDocument.Parse(body).RootElement);
        }

        var url = $"/taxii2/api/collections/{seeded.Collection}/objects/?match[version]=all";
        var (small, _, smallPage) = await PageAsync(url + "&limit=10");
        var (large, largeAudit, largePage) = await PageAsync(url + "&limit=1000");
        var (deep, _, _) = await PageAsync(url + "&limit=1000&next=" + largePage.GetProperty("next").GetString());

        Assert.Equal(10, smallPage.GetProperty("objects").GetArrayLength());
        Assert.Equal(1000, largePage.GetProperty("objects").GetArrayLength());
        Assert.True(large.Count <= 10, string.Join("\n", large));
        Assert.Equal(small.Count, large.Count);
        Assert.Equal(large.Count, deep.Count);
        // Exactly one query reads the objects, whatever the page size.
        Assert.Single(large, c => c.Contains("FROM \"StixObjects\"", StringComparison.Ordinal));
        Assert.Single(largeAudit, c => c.Contains("SELECT", StringComparison.Ordinal));
        Assert.DoesNotContain(largeAudit, c => c.Contains("INSERT", StringComparison.Ordinal));

        // The audit still holds one entry per sensitive version read.
        var strictIds = largePage.GetProperty("objects").EnumerateArray()
            .Where(o => o.TryGetProperty("object_marking_refs", out var refs) && refs[0].GetString() == StixMarkings.Tlp2Ids[Tlp.AmberStrict])
            .Select(o => $"TAXII {o.GetProperty("id").GetString()} {o.GetProperty("modified").GetString()}").ToList();
        Assert.NotEmpty(strictIds);
        var audited = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.Action == "read" && strictIds.Contains(e.Detail!))
            .Select(e => e.Detail!).Distinct().CountAsync());
        Assert.Equal(strictIds.Count, audited);
        // Written in bulk, the entries are chained like any other: the whole log still verifies.
        var verification = await app.WithDb(db => AuditTrail.VerifyAsync(db));
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task On_postgres_the_app_sessions_run_without_the_jit_compiler()
    {
        // JIT compilation cost 40 to 400 ms per TAXII page on 1,000,000 objects (docs/decisions/0010-postgres-jit-off.md).
        var options = new Npgsql.NpgsqlConnectionStringBuilder(
            Jsms.Platform.Database.DatabaseSetup.WithoutJit("Host=db;Database=jsms;Options=-c statement_timeout=5000")).Options;
        Assert.Equal("-c statement_timeout=5000 -c jit=off", options);
        // An operator who sets jit in the connection string keeps it.
        Assert.Equal("Host=db;Options=-c jit=on", Jsms.Platform.Database.DatabaseSetup.WithoutJit("Host=db;Options=-c jit=on"));
        if (TestDatabase.IsPostgres)
        {
            var setting = await app.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());
            Assert.Equal("off", setting);
        }
    }

    [Fact]
    public async Task Paging_returns_every_readable_version_exactly_once_and_nothing_unreadable()
    {
        var seeded = await SeedAsync(120);
        var definitions = await app.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == seeded.Collection && o.Type != "indicator")
            .Select(o => o.StixId).ToListAsync());
        Assert.Equal(6, definitions.Count);
        var url = $"/taxii2/api/collections/{seeded.Collection}/objects/?limit=7";

        using var partner = await app.TaxiiAs("cn.liaison");
        var all = await WalkAsync(partner, url + "&match[version]=all");
        var expected = seeded.Versions.Where(v => v.Partner).Select(v => (v.Id, v.Version)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(expected.Order(), all.Where(o => !definitions.Contains(o.Id)).Order());
        Assert.Equal(definitions.Order(), all.Select(o => o.Id).Where(definitions.Contains).Order());

        var latest = await WalkAsync(partner, url);
        Assert.Equal(seeded.Versions.Where(v => v.Partner && v.Latest).Select(v => (v.Id, v.Version)).Order(),
            latest.Where(o => !definitions.Contains(o.Id)).Order());

        // The owner receives everything but RED (which never leaves its node), also with a type filter.
        using var owner = await app.TaxiiAs("pk.analyst");
        var owned = await WalkAsync(owner, url + "&match[version]=all&match[type]=indicator");
        Assert.Equal(seeded.Versions.Where(v => v.Tlp != Tlp.Red).Select(v => (v.Id, v.Version)).Order(), owned.Order());
    }

    [Fact]
    public async Task A_bundle_larger_than_the_read_buffer_imports_every_object()
    {
        // 3,000 objects of about 1 KB and one of 300 KB: many times the reader's 64 KB buffer, and over the 1 MB default body limit.
        var collection = await app.CreateCollectionAsync();
        var bundle = BigBundle(3_000, out var ids);
        using var client = await app.LoginAs("pk.analyst");
        var content = new ByteArrayContent(bundle);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync($"/api/intelligence/collections/{collection}/import?tlp=GREEN", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ids.Count, report.GetProperty("accepted").GetInt32());
        Assert.Equal(0, report.GetProperty("refused").GetInt32());
        var stored = await app.WithDb(db => db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection && o.Type == "indicator").Select(o => o.StixId).ToListAsync());
        Assert.Equal(ids.Order(), stored.Order());
    }

    [Fact]
    public async Task The_bundle_reader_yields_objects_before_the_body_is_read_whole()
    {
        var bundle = BigBundle(3_000, out var ids);
        await using var stream = new CountingStream(bundle);
        long readAtFirst = -1;
        var read = new List<string>();
        await foreach (var item in BundleReader.ReadAsync(stream))
        {
            if (readAtFirst < 0)
            {
                readAtFirst = stream.BytesRead;
            }
            read.Add(JsonDocument.Parse(item.Json!).RootElement.GetProperty("id").GetString()!);
        }
        Assert.Equal(ids, read);
        Assert.InRange(readAtFirst, 1, 128 * 1024);
        Assert.True(bundle.Length > 20 * readAtFirst);
        Assert.Equal(bundle.Length, stream.BytesRead);
    }

    private static byte[] BigBundle(int count, out List<string> ids)
    {
        ids = [];
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "bundle");
            w.WriteString("id", $"bundle--{Guid.NewGuid()}");
            w.WriteStartArray("objects");
            for (var i = 0; i < count; i++)
            {
                var id = $"indicator--{Guid.NewGuid()}";
                ids.Add(id);
                w.WriteStartObject();
                w.WriteString("type", "indicator");
                w.WriteString("spec_version", "2.1");
                w.WriteString("id", id);
                w.WriteString("created", "2026-03-01T10:00:00.000Z");
                w.WriteString("modified", "2026-03-01T10:00:00.000Z");
                w.WriteString("name", $"Streamed {i}");
                w.WriteString("description", new string('x', i == count / 2 ? 300_000 : 900));
                w.WriteString("pattern", "[ipv4-addr:value = '198.51.100.7']");
                w.WriteString("pattern_type", "stix");
                w.WriteString("valid_from", "2026-03-01T10:00:00Z");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A forward-only stream that counts what its reader has taken.</summary>
    private sealed class CountingStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data, writable: false);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = _inner.Read(buffer, offset, Math.Min(count, 16 * 1024));
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
