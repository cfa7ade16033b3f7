using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Jsms.Features.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

/// <summary>
/// Pushes new alerts to subscribers of <c>GET /api/alerts/stream</c> (server-sent events). Whoever raises an
/// alert calls <see cref="Publish"/> after it is stored. One loop reads each published group of alerts from the
/// database once and hands the same rows to every subscriber; each subscriber then sends only those the access
/// policy lets it read (one query per group and subscriber, with the caller reloaded so a disabled user stops
/// receiving). The first event, <c>ready</c>, says the subscription is in place. A subscriber that falls more than
/// <see cref="SubscriberQueue"/> groups behind loses the newest groups and is told so by a <c>skipped</c> event
/// (reload <c>GET /api/alerts</c>), never silently.
/// </summary>
public sealed class AlertBroadcaster(IServiceScopeFactory scopes, ILogger<AlertBroadcaster> logger)
{
    internal const int SubscriberQueue = 1000;

    private sealed class Subscriber
    {
        public Channel<IReadOnlyList<AlertDto>> Queue { get; } = Channel.CreateBounded<IReadOnlyList<AlertDto>>(
            new BoundedChannelOptions(SubscriberQueue) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        public int Skipped;
    }

    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];
    private readonly Channel<List<Guid>> _published = Channel.CreateUnbounded<List<Guid>>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

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

    public void Publish(IEnumerable<Guid> alertIds)
    {
        var ids = alertIds.ToList();
        if (ids.Count == 0 || SubscriberCount == 0)
        {
            return;
        }
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
        _published.Writer.TryWrite(ids);
    }

    /// <summary>Reads each group of published alerts once (system read: the policy filters per subscriber on the way out).</summary>
    private async Task FanOutAsync()
    {
        while (await _published.Reader.WaitToReadAsync())
        {
            var ids = new List<Guid>();
            while (ids.Count < 1000 && _published.Reader.TryRead(out var more))
            {
                ids.AddRange(more);
            }
            Subscriber[] subscribers;
            lock (_gate)
            {
                subscribers = [.. _subscribers];
            }
            if (subscribers.Length == 0)
            {
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                var rows = await AlertsModule.LoadAsync(db, ids);
                var order = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
                IReadOnlyList<AlertDto> group = [.. rows.OrderBy(a => order[a.Id])];
                foreach (var subscriber in subscribers)
                {
                    if (!subscriber.Queue.Writer.TryWrite(group))
                    {
                        Interlocked.Add(ref subscriber.Skipped, group.Count);
                    }
                }
            }
            catch (Exception exception)
            {
                // Tell every subscriber rather than lose the group silently.
                logger.LogError(exception, "Reading {Count} alerts for the alert stream failed", ids.Count);
                foreach (var subscriber in subscribers)
                {
                    Interlocked.Add(ref subscriber.Skipped, ids.Count);
                    subscriber.Queue.Writer.TryWrite([]);
                }
            }
        }
    }

    public static ServerSentEventsResult<object> Stream(Caller caller, AlertBroadcaster broadcaster, CancellationToken cancellationToken)
        => TypedResults.ServerSentEvents(broadcaster.SubscribeAsync(caller.UserId, cancellationToken));

    private async IAsyncEnumerable<SseItem<object>> SubscribeAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber();
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }
        try
        {
            yield return new SseItem<object>(new { subscribed = true }, "ready");
            await foreach (var group in subscriber.Queue.Reader.ReadAllAsync(cancellationToken))
            {
                // No count: how many alerts were raised that this subscriber may not read is not its business.
                if (Interlocked.Exchange(ref subscriber.Skipped, 0) > 0)
                {
                    yield return new SseItem<object>(new { skipped = true, reload = "/api/alerts" }, "skipped");
                }
                if (group.Count == 0)
                {
                    continue;
                }
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                var caller = await Caller.ForUserAsync(userId, db, cancellationToken);
                if (caller is null)
                {
                    yield break;
                }
                var ids = group.Select(a => a.Id).ToList();
                var readable = (await db.Readable<Alert>(caller).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
                foreach (var alert in group)
                {
                    if (readable.Contains(alert.Id))
                    {
                        yield return new SseItem<object>(alert, "alert") { EventId = alert.Id.ToString() };
                    }
                }
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
