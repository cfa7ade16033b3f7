using System.Globalization;
using System.Net;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Alerts;

/// <summary>Stores alerts as the engines do (an EF save, then <see cref="AlertBroadcaster.Publish"/>), owned by an agency at a level.</summary>
internal static class AlertWriter
{
    public static async Task<List<Alert>> RaiseAsync(this JsmsTestApp app, string kind, params (string Agency, Tlp Tlp)[] alerts)
    {
        var stored = await app.WithDb(async db =>
        {
            var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id);
            // Created by another agency's user than the subscribers', so only the marking decides who reads them.
            var creator = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).FirstAsync();
            var list = alerts.Select(a => new Alert
            {
                Id = Guid.NewGuid(), Kind = kind, Severity = AlertSeverity.High, Title = $"{kind} {a.Agency} {a.Tlp}",
                RaisedAt = app.Clock.GetUtcNow().UtcDateTime, Status = AlertStatus.Open,
                OwnerAgencyId = agencies[a.Agency], Tlp = a.Tlp, CreatedByUserId = creator,
            }).ToList();
            db.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });
        app.Service<AlertBroadcaster>().Publish(stored.Select(a => a.Id));
        return stored;
    }

    public static Task<long> SequenceOfAsync(this JsmsTestApp app, Guid alertId)
        => app.WithDb(db => db.Set<Alert>().Where(a => a.Id == alertId).Select(a => a.Sequence).SingleAsync());
}

/// <summary>
/// <c>GET /api/alerts/stream</c> with <c>Last-Event-ID</c>: every alert event carries its stored sequence as id; a client
/// reconnecting with the last id it received gets exactly the alerts stored since that it may read, then the live ones,
/// none twice and none skipped, and a replay too long for one connection is continued by the next.
/// </summary>
public sealed class AlertStreamReplayTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static bool Kind(JsonElement alert, string kind) => alert.GetProperty("kind").GetString() == kind;

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_replays_exactly_the_missed_alerts_the_caller_may_read_then_goes_on_live()
    {
        using var client = await app.LoginAs("pk.analyst");
        string lastId;
        await using (var stream = await SseReader.OpenAsync(client))
        {
            Assert.Equal("ready", (await stream.NextAsync(Wait))?.Name);
            var first = (await app.RaiseAsync("replay.first", ("PK-NACTA", Tlp.Amber)))[0];
            var received = Assert.Single(await stream.AlertsAsync(1, a => Kind(a, "replay.first"), Wait));
            Assert.Equal("alert", received.Name);
            Assert.Equal(first.Id, received.Data.GetProperty("id").GetGuid());
            lastId = received.Id!;
            Assert.Equal((await app.SequenceOfAsync(first.Id)).ToString(CultureInfo.InvariantCulture), lastId);
        }

        // While disconnected: its own agency's AMBER and a CLEAR alert it may read; another agency's RED alert, its own
        // agency's RED alert (need to know: not named on it) and another agency's AMBER not released to it, it may not.
        var missed = await app.RaiseAsync("replay.missed",
            ("PK-NACTA", Tlp.Amber), ("CN-MPS", Tlp.Red), ("CN-MPS", Tlp.Clear), ("PK-NACTA", Tlp.Red), ("RU-NAC", Tlp.Amber));
        var readable = new[] { missed[0].Id, missed[2].Id };

        using var again = await app.LoginAs("pk.analyst");
        await using var resumed = await SseReader.OpenAsync(again, lastId);
        var ready = await resumed.NextAsync(Wait);
        Assert.Equal("ready", ready?.Name);
        Assert.Equal(lastId, ready!.Id);
        var replayed = await resumed.AlertsAsync(2, a => Kind(a, "replay.missed"), Wait);
        Assert.Equal(["alert", "alert"], replayed.Select(e => e.Name));
        Assert.Equal(readable.Order(), replayed.Select(e => e.Data.GetProperty("id").GetGuid()).Order());
        var ids = replayed.Select(e => long.Parse(e.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.All(ids, id => Assert.True(id > long.Parse(lastId, CultureInfo.InvariantCulture)));
        foreach (var e in replayed)
        {
            Assert.Equal(await app.SequenceOfAsync(e.Data.GetProperty("id").GetGuid()), e.Data.GetProperty("sequence").GetInt64());
        }

        // Nothing else comes (the RED and unreleased alerts are never sent), until a new alert is stored: live.
        Assert.Null(await resumed.NextAsync(TimeSpan.FromSeconds(1.5)));
        var live = (await app.RaiseAsync("replay.live", ("CN-MPS", Tlp.Red), ("PK-NACTA", Tlp.Green)))[1];
        var next = Assert.Single(await resumed.AlertsAsync(1, a => Kind(a, "replay.live"), Wait));
        Assert.Equal(live.Id, next.Data.GetProperty("id").GetGuid());
        Assert.True(long.Parse(next.Id!, CultureInfo.InvariantCulture) > ids[^1]);
        Assert.Null(await resumed.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task The_lastEventId_query_parameter_replays_like_the_header_and_the_header_wins_over_it()
    {
        var before = (await app.RaiseAsync("query.before", ("PK-NACTA", Tlp.Amber)))[0];
        var beforeId = (await app.SequenceOfAsync(before.Id)).ToString(CultureInfo.InvariantCulture);
        var middle = (await app.RaiseAsync("query.after", ("PK-NACTA", Tlp.Amber)))[0];
        var middleId = (await app.SequenceOfAsync(middle.Id)).ToString(CultureInfo.InvariantCulture);
        var last = (await app.RaiseAsync("query.after", ("PK-NACTA", Tlp.Amber)))[0];

        using var client = await app.LoginAs("pk.coordinator");
        await using (var byQuery = await SseReader.OpenAsync(client, path: "/api/alerts/stream?lastEventId=" + beforeId))
        {
            Assert.Equal("ready", (await byQuery.NextAsync(Wait))?.Name);
            var replayed = await byQuery.AlertsAsync(2, a => Kind(a, "query.after"), Wait);
            Assert.Equal([middle.Id, last.Id], replayed.Select(e => e.Data.GetProperty("id").GetGuid()));
        }
        await using var both = await SseReader.OpenAsync(client, middleId, "/api/alerts/stream?lastEventId=" + beforeId);
        Assert.Equal("ready", (await both.NextAsync(Wait))?.Name);
        var fromHeader = await both.AlertsAsync(1, a => Kind(a, "query.after"), Wait);
        Assert.Equal([last.Id], fromHeader.Select(e => e.Data.GetProperty("id").GetGuid()));
        Assert.Null(await both.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Replay_then_live_while_alerts_keep_coming_from_two_writers_skips_none_and_repeats_none()
    {
        using var client = await app.LoginAs("cn.coordinator");
        string start;
        await using (var probe = await SseReader.OpenAsync(client))
        {
            start = (await probe.NextAsync(Wait))!.Id!;
        }
        var raised = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var connecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task WriterAsync()
        {
            for (var i = 0; i < 20; i++)
            {
                if (i == 5)
                {
                    // Half-way: the rest are written while the subscriber connects and after.
                    await connecting.Task;
                }
                foreach (var alert in await app.RaiseAsync("race", ("CN-MPS", Tlp.Amber), ("PK-NACTA", Tlp.Red)))
                {
                    if (alert.Tlp == Tlp.Amber)
                    {
                        raised.Add(alert.Id);
                    }
                }
                await Task.Yield();
            }
        }
        var writers = Task.WhenAll(Task.Run(WriterAsync), Task.Run(WriterAsync));
        await Eventually.True(() => raised.Count >= 10, "the first ten alerts written");

        // Connect in the middle of the writing: some alerts come from the replay, the rest live.
        using var subscriberClient = await app.LoginAs("cn.coordinator");
        connecting.SetResult();
        await using var stream = await SseReader.OpenAsync(subscriberClient, start);
        Assert.Equal("ready", (await stream.NextAsync(Wait))?.Name);
        await writers;
        var received = await stream.AlertsAsync(raised.Count, a => Kind(a, "race"), TimeSpan.FromSeconds(30));

        Assert.All(received, e => Assert.Equal("alert", e.Name));
        var receivedIds = received.Select(e => e.Data.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(raised.Count, receivedIds.Distinct().Count());
        Assert.Equal(raised.Order(), receivedIds.Order());
        var eventIds = received.Select(e => long.Parse(e.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(eventIds.Order(), eventIds);
        Assert.Null(await stream.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task More_alerts_than_one_replay_sends_then_skipped_ends_the_stream_and_reconnecting_with_the_last_id_gets_the_rest()
    {
        using var client = await app.LoginAs("ru.analyst");
        string start;
        await using (var probe = await SseReader.OpenAsync(client))
        {
            start = (await probe.NextAsync(Wait))!.Id!;
        }
        var many = Enumerable.Range(0, AlertBroadcaster.ReplayLimit + 3).Select(_ => ("RU-NAC", Tlp.Amber)).ToArray();
        await app.RaiseAsync("many.hidden", ("PK-NACTA", Tlp.Amber));
        var raised = await app.RaiseAsync("many", many);

        await using var first = await SseReader.OpenAsync(client, start);
        Assert.Equal("ready", (await first.NextAsync(Wait))?.Name);
        var page = await first.AlertsAsync(AlertBroadcaster.ReplayLimit + 1, a => Kind(a, "many"), TimeSpan.FromSeconds(60));
        Assert.Equal(AlertBroadcaster.ReplayLimit + 1, page.Count);
        Assert.Equal("skipped", page[^1].Name);
        Assert.Equal("/api/alerts", page[^1].Data.GetProperty("reload").GetString());
        Assert.False(page[^1].Data.TryGetProperty("count", out _));
        Assert.Equal(SseReader.End, (await first.NextAsync(Wait))?.Name);

        var lastId = page[^2].Id!;
        await using var second = await SseReader.OpenAsync(client, lastId);
        Assert.Equal("ready", (await second.NextAsync(Wait))?.Name);
        var rest = await second.AlertsAsync(3, a => Kind(a, "many"), Wait);
        Assert.All(rest, e => Assert.Equal("alert", e.Name));
        var all = page.SkipLast(1).Concat(rest).Select(e => e.Data.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(raised.Select(a => a.Id).Order(), all.Order());
        Assert.Null(await second.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("6d3f0a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6")]
    [InlineData("99999999999999999999999")]
    [InlineData("9000000000000")]
    public async Task A_malformed_or_unknown_Last_Event_ID_is_a_400_naming_it(string lastEventId)
    {
        using var client = await app.LoginAs("pk.analyst");

        using var byHeader = await SseReader.SendAsync(client, lastEventId);
        Assert.Equal(HttpStatusCode.BadRequest, byHeader.StatusCode);
        var problem = await byHeader.ValidationProblemAsync();
        Assert.Contains("Last-Event-ID", problem.Errors.Keys);

        using var byQuery = await SseReader.SendAsync(client, null, "/api/alerts/stream?lastEventId=" + Uri.EscapeDataString(lastEventId));
        Assert.Equal(HttpStatusCode.BadRequest, byQuery.StatusCode);
        Assert.Contains("lastEventId", (await byQuery.ValidationProblemAsync()).Errors.Keys);
    }
}

/// <summary>The ids are stored numbers: a client resumes after the server restarted.</summary>
public sealed class AlertStreamRestartTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Event_ids_still_resume_the_stream_after_a_restart()
    {
        var before = (await app.RaiseAsync("restart.before", ("PK-NACTA", Tlp.Amber)))[0];
        var lastId = (await app.SequenceOfAsync(before.Id)).ToString(CultureInfo.InvariantCulture);

        await app.RestartAsync();
        var after = (await app.RaiseAsync("restart.after", ("PK-NACTA", Tlp.Amber)))[0];

        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = (await app.LoginAs("pk.analyst")).DefaultRequestHeaders.Authorization;
        await using var stream = await SseReader.OpenAsync(client, lastId);
        Assert.Equal("ready", (await stream.NextAsync(TimeSpan.FromSeconds(15)))?.Name);
        var replayed = Assert.Single(await stream.AlertsAsync(1, _ => true, TimeSpan.FromSeconds(15)));
        Assert.Equal(after.Id, replayed.Data.GetProperty("id").GetGuid());
        Assert.True(long.Parse(replayed.Id!, CultureInfo.InvariantCulture) > long.Parse(lastId, CultureInfo.InvariantCulture));
    }
}
