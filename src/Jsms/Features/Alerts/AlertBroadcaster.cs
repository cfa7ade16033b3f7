using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Jsms.Features.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Alerts;

/// <summary>
/// Pushes new alerts to subscribers of <c>GET /api/alerts/stream</c> (server-sent events). Whoever raises an
/// alert calls <see cref="Publish"/> after it is stored; each subscriber gets it only if the access policy
/// lets that subscriber read it (decided per subscriber, in the database, with the caller reloaded so a
/// disabled user stops receiving). The first event, <c>ready</c>, says the subscription is in place.
/// </summary>
public sealed class AlertBroadcaster(IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<Guid>> _subscribers = [];

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
        Channel<Guid>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }
        foreach (var id in alertIds)
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(id);
            }
        }
    }

    public static ServerSentEventsResult<object> Stream(Caller caller, AlertBroadcaster broadcaster, CancellationToken cancellationToken)
        => TypedResults.ServerSentEvents(broadcaster.SubscribeAsync(caller.UserId, cancellationToken));

    private async IAsyncEnumerable<SseItem<object>> SubscribeAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded: a subscriber that stops reading loses the oldest ids rather than holding memory.
        var channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        try
        {
            yield return new SseItem<object>(new { subscribed = true }, "ready");
            await foreach (var id in channel.Reader.ReadAllAsync(cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                var caller = await Caller.ForUserAsync(userId, db, cancellationToken);
                if (caller is null)
                {
                    yield break;
                }
                if (await AlertsModule.FindAsync(db, caller, id, cancellationToken) is { } alert)
                {
                    yield return new SseItem<object>(alert, "alert") { EventId = alert.Id.ToString() };
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
