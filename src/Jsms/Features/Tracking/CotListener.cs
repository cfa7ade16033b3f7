using System.Net;
using System.Net.Sockets;
using System.Text;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Cursor-on-Target over TCP (<c>Jsms:Tracking:CotTcpPort</c>; off when 0): senders write &lt;event&gt; elements one after
/// another on a connection, with no framing but the elements themselves. Each event is cut out of the stream at its
/// &lt;/event&gt; and parsed on its own, so a malformed one is counted and skipped and the connection goes on; an event larger
/// than <c>CotMaxEventBytes</c> is counted and dropped up to the next &lt;event. Unknown uids are refused and counted, as
/// on the other protocols (a device is known by its unique id, as in the OsmAnd protocol); the events read together are
/// stored and run through the engine together.
/// </summary>
public sealed class CotListener(IServiceScopeFactory scopes, TrackingPipeline pipeline, TrackingCounters counters, TimeProvider clock,
    IOptions<TrackingOptions> options, IOptions<TrackingProtocolOptions> protocol, ILogger<CotListener> logger) : BackgroundService
{
    private const string EndTag = "</event>";
    private const string StartTag = "<event";
    private int _connections;

    /// <summary>The port listened on (useful when configured as -1, which asks the OS for a free one); 0 when off.</summary>
    public int Port { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = protocol.Value.CotTcpPort;
        if (port == 0)
        {
            return;
        }
        var listener = new TcpListener(IPAddress.Any, Math.Max(0, port));
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        logger.LogInformation("Cursor-on-Target listener on TCP port {Port}", Port);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                if (Interlocked.Increment(ref _connections) > protocol.Value.CotMaxConnections)
                {
                    Interlocked.Decrement(ref _connections);
                    client.Dispose();
                    continue;
                }
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await ServeAsync(client, stoppingToken);
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                    {
                        // The sender went away or the server is stopping.
                    }
                    catch (Exception e)
                    {
                        logger.LogError(e, "Cursor-on-Target connection failed");
                    }
                    finally
                    {
                        client.Dispose();
                        Interlocked.Decrement(ref _connections);
                    }
                }, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using var stream = client.GetStream();
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var pending = new StringBuilder();
        var maxChars = protocol.Value.CotMaxEventBytes;
        var idle = TimeSpan.FromMinutes(Math.Max(0.1, protocol.Value.CotIdleMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(idle);
            var read = await stream.ReadAsync(bytes, timeout.Token);
            if (read == 0)
            {
                return;
            }
            var count = decoder.GetChars(bytes, 0, read, chars, 0);
            pending.Append(chars, 0, count);
            var texts = Frame(pending, maxChars, out var oversized);
            counters.AddMalformed(oversized);
            if (texts.Count > 0)
            {
                await HandleAsync(texts, stoppingToken);
            }
        }
    }

    /// <summary>Cuts the complete events out of the buffer; what follows the last one stays for the next read.</summary>
    internal static List<string> Frame(StringBuilder pending, int maxChars, out int oversized)
    {
        oversized = 0;
        var texts = new List<string>();
        var text = pending.ToString();
        var position = 0;
        while (true)
        {
            var end = text.IndexOf(EndTag, position, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }
            var stop = end + EndTag.Length;
            // The event starts at its last "<event" before the end tag (an XML declaration or junk before it is dropped).
            var start = text.LastIndexOf(StartTag, end, end - position + 1, StringComparison.Ordinal);
            var candidate = start < 0 ? text[position..stop] : text[start..stop];
            if (candidate.Length > maxChars)
            {
                oversized++;
            }
            else
            {
                texts.Add(candidate);
            }
            position = stop;
        }
        var rest = text[position..];
        if (rest.Length > maxChars)
        {
            // No end in sight within the limit: drop it, keep from the next "<event" if there is one after the start.
            oversized++;
            var next = rest.IndexOf(StartTag, 1, StringComparison.Ordinal);
            rest = next < 0 || rest.Length - next > maxChars ? "" : rest[next..];
        }
        pending.Clear().Append(rest);
        return texts;
    }

    private async Task HandleAsync(List<string> texts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<CotEvent>();
        foreach (var text in texts)
        {
            var (cot, problem) = CursorOnTarget.ParseOne(text);
            problem ??= cot is null ? null : CursorOnTarget.FutureProblem(cot.Time, now, options.Value);
            if (problem is not null)
            {
                counters.AddMalformed(1);
                logger.LogDebug("Malformed CoT event skipped: {Problem}", problem);
                continue;
            }
            if (cot!.IsPosition)
            {
                events.Add(cot);
            }
        }
        if (events.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var uids = events.Select(e => e.Uid).Distinct().ToList();
        var known = await db.Set<Device>().AsNoTracking().Where(d => uids.Contains(d.UniqueId)).ToDictionaryAsync(d => d.UniqueId, cancellationToken);
        var accepted = events.Where(e => known.ContainsKey(e.Uid)).Select(e => (known[e.Uid], e.Fix)).ToList();
        counters.AddUnknownDevices(events.Count - accepted.Count);
        if (accepted.Count > 0)
        {
            await TrackingModule.StorePositionsAsync(db, pipeline, counters, now, accepted, cancellationToken);
        }
    }
}
