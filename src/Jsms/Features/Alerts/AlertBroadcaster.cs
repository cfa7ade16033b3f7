using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

/// <summary>
/// Pushes stored alerts to subscribers of <c>GET /api/alerts/stream</c> (server-sent events), each with its
/// <see cref="Alert.Sequence"/> as the event id. One loop reads what was stored after the last alert it handed out
/// (woken by <see cref="Publish"/> after a commit, and every <see cref="PollInterval"/> for writers that do not call it)
/// and hands the same rows, as a range of sequence numbers, to every subscriber; each subscriber sends those the access
/// policy lets it read (the caller reloaded per range, so a disabled user stops receiving) in the form it may receive (AlertRedaction). A subscriber keeps the last
/// sequence it dealt with: it replays from <c>Last-Event-ID</c> on connecting, skips what it already sent, and reads a
/// range it did not receive (it fell behind) from the database. A replay of more than <see cref="ReplayLimit"/> alerts
/// sends that many, then a <c>skipped</c> event, and ends the stream: the client reconnects with its last id and gets the
/// rest (or reloads <c>GET /api/alerts</c>). See docs/decisions/0009-alert-stream-replay.md.
/// </summary>
internal sealed class AlertBroadcaster(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlertBroadcaster> logger) : IDisposable
{
    /// <summary>Ranges a subscriber may have waiting; beyond that new ones are dropped and read again from the database.</summary>
    internal const int SubscriberQueue = 1000;

    /// <summary>Alerts sent from the database at once (replay on connecting, or a range a subscriber missed).</summary>
    internal const int ReplayLimit = 1000;

    private const int RangeLimit = 1000;

    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>The alerts stored after <paramref name="After"/> up to <paramref name="UpTo"/> (by sequence), whoever may read them.</summary>
    private sealed record Range(long After, long UpTo, IReadOnlyList<AlertDto> Alerts);

    private sealed class Subscriber
    {
        /// <summary>The last sequence stored before it subscribed: the loop, when it starts, hands out from the lowest of these.</summary>
        public long Position { get; init; }

        public Channel<Range> Queue { get; } = Channel.CreateBounded<Range>(
            new BoundedChannelOptions(SubscriberQueue) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private Task? _loop;

    /// <summary>The last sequence handed out to subscribers (only the loop touches it); -1 until read.</summary>
    private long _handedOut = -1;

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Says that alerts were stored (after the commit). Which ones is not needed: the loop reads what was stored after the last it handed out.</summary>
    public void Publish(IEnumerable<Guid> alertIds)
    {
        if (SubscriberCount > 0 && alertIds.Any())
        {
            _wake.Writer.TryWrite(true);
        }
    }

    public void Dispose() => _wake.Writer.TryComplete();

    private void EnsureLoop()
    {
        lock (_gate)
        {
            if (_loop is null)
            {
                using (ExecutionContext.SuppressFlow())
                {
                    _loop = Task.Run(FanOutAsync);
                }
            }
        }
    }

    private async Task FanOutAsync()
    {
        while (true)
        {
            if (SubscriberCount == 0)
            {
                // Nobody listening: forget the position, so the next subscriber does not wait for a backlog to be read.
                _handedOut = -1;
            }
            using (var poll = new CancellationTokenSource(PollInterval, clock))
            {
                try
                {
                    if (!await _wake.Reader.WaitToReadAsync(poll.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (poll.IsCancellationRequested)
                {
                    // Time to look for alerts stored by writers that do not publish.
                }
            }
            _wake.Reader.TryRead(out _);
            if (SubscriberCount == 0)
            {
                continue;
            }
            try
            {
                await HandOutAsync();
            }
            catch (Exception exception)
            {
                // Nothing is lost: the position did not move, the next wake-up or poll reads the same alerts again.
                logger.LogError(exception, "Reading new alerts for the alert stream failed");
            }
        }
    }

    /// <summary>Reads each range of newly stored alerts once (system read: the policy filters per subscriber on the way out).</summary>
    private async Task HandOutAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        if (_handedOut < 0)
        {
            lock (_gate)
            {
                if (_subscribers.Count == 0)
                {
                    return;
                }
                _handedOut = _subscribers.Min(s => s.Position);
            }
        }
        while (true)
        {
            var rows = await AlertsModule.StoredAfterAsync(db, _handedOut, RangeLimit, CancellationToken.None);
            if (rows.Count == 0)
            {
                return;
            }
            var range = new Range(_handedOut, rows[^1].Sequence, rows);
            _handedOut = range.UpTo;
            Subscriber[] subscribers;
            lock (_gate)
            {
                subscribers = [.. _subscribers];
            }
            foreach (var subscriber in subscribers)
            {
                // A full queue drops the range: the subscriber sees the hole at the next range and reads it from the database.
                subscriber.Queue.Writer.TryWrite(range);
            }
            if (rows.Count < RangeLimit)
            {
                return;
            }
        }
    }

    /// <summary>The last sequence number handed out by the database: every alert up to it is committed (or was rolled back).</summary>
    internal static Task<long> LastAsync(JsmsDbContext db, CancellationToken cancellationToken)
        => db.Set<AlertSequence>().Where(s => s.Id == AlertSequenceSql.RowId).Select(s => s.Last).FirstAsync(cancellationToken);

    private const string LastEventIdHeader = "Last-Event-ID";
    private const string LastEventIdQuery = "lastEventId";

    /// <summary>
    /// The stream: <c>ready</c> (its id is the current position), the alerts after <c>Last-Event-ID</c> (header, as
    /// EventSource sends it on reconnecting, or the <c>lastEventId</c> query parameter) the caller may read, then new ones.
    /// </summary>
    public static async Task<Results<ServerSentEventsResult<object>, ValidationProblem>> Stream(
        HttpContext http, Caller caller, AlertBroadcaster broadcaster, JsmsDbContext db, CancellationToken cancellationToken)
    {
        // The header wins: the query parameter stays in the URL from the first connection, the header is the latest id.
        var (name, value) = http.Request.Headers[LastEventIdHeader].ToString() is { Length: > 0 } header ? (LastEventIdHeader, header)
            : http.Request.Query[LastEventIdQuery].ToString() is { Length: > 0 } query ? (LastEventIdQuery, query)
            : (null, null);
        long? after = null;
        if (name is not null)
        {
            var shown = value!.Length <= 40 ? value : value[..40] + "...";
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [name] = [$"'{shown}' is not an alert stream event id (a whole number: the id of an event this stream sent)."],
                });
            }
            if (id > await LastAsync(db, cancellationToken))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [name] = [$"{id} is not an event id this server has sent: open the stream without it and reload /api/alerts."],
                });
            }
            after = id;
        }
        return TypedResults.ServerSentEvents(broadcaster.SubscribeAsync(caller, after, cancellationToken));
    }

    private static SseItem<object> Item(AlertDto alert)
        => new(alert, "alert") { EventId = alert.Sequence.ToString(CultureInfo.InvariantCulture) };

    // No count: how many alerts were raised that this subscriber may not read is not its business.
    private static SseItem<object> Skipped()
        => new(new { skipped = true, reload = "/api/alerts" }, "skipped") { ReconnectionInterval = TimeSpan.FromSeconds(1) };

    /// <summary>The detail of the audit entries of alerts delivered by the stream (each sensitive one, to each subscriber).</summary>
    private const string StreamDetail = "alert stream";

    private async IAsyncEnumerable<SseItem<object>> SubscribeAsync(Caller caller, long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position;
        await using (var scope = scopes.CreateAsyncScope())
        {
            position = await LastAsync(scope.ServiceProvider.GetRequiredService<JsmsDbContext>(), cancellationToken);
        }
        var subscriber = new Subscriber { Position = position };
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }
        EnsureLoop();
        try
        {
            // Everything up to `upTo` (read after subscribing) is sent from the database; what is stored later reaches this
            // subscriber through the loop, which never hands out past a subscriber's position before it subscribed.
            var start = after ?? position;
            long cursor;
            List<AlertDto> replay;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                cursor = await LastAsync(db, cancellationToken);
                replay = await AlertsModule.ReadableBetweenAsync(db, caller, start, cursor, ReplayLimit + 1, cancellationToken);
                await AuditedReads.RecordAsync(db, replay.Take(ReplayLimit).ToList(), StreamDetail, cancellationToken);
            }
            // Its id is the position, so a client that received nothing yet still resumes from here after a reconnect.
            yield return new SseItem<object>(new { subscribed = true }, "ready") { EventId = start.ToString(CultureInfo.InvariantCulture) };
            foreach (var alert in replay.Take(ReplayLimit))
            {
                yield return Item(alert);
            }
            if (replay.Count > ReplayLimit)
            {
                yield return Skipped();
                yield break;
            }

            await foreach (var range in subscriber.Queue.Reader.ReadAllAsync(cancellationToken))
            {
                if (range.UpTo <= cursor)
                {
                    continue;
                }
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                var current = await Caller.ForUserAsync(caller.UserId, db, cancellationToken);
                if (current is null)
                {
                    yield break;
                }
                if (range.After > cursor)
                {
                    // Alerts this subscriber did not receive (it fell behind, or joined while the loop was starting).
                    var missed = await AlertsModule.ReadableBetweenAsync(db, current, cursor, range.After, ReplayLimit + 1, cancellationToken);
                    await AuditedReads.RecordAsync(db, missed.Take(ReplayLimit).ToList(), StreamDetail, cancellationToken);
                    foreach (var alert in missed.Take(ReplayLimit))
                    {
                        yield return Item(alert);
                    }
                    if (missed.Count > ReplayLimit)
                    {
                        yield return Skipped();
                        yield break;
                    }
                    cursor = range.After;
                }
                // Read by the system in full: filtered and shaped for this subscriber by the policy (redacted where it must be).
                var fresh = await AlertsModule.ReadableAmongAsync(db, current, [.. range.Alerts.Where(a => a.Sequence > cursor)], cancellationToken);
                await AuditedReads.RecordAsync(db, fresh, StreamDetail, cancellationToken);
                foreach (var alert in fresh)
                {
                    yield return Item(alert);
                }
                cursor = range.UpTo;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
            }
        }
    }
}
