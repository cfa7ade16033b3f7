using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Cursor-on-Target over TCP (<c>Jsms:Tracking:CotTcpPort</c>) and over TLS with client certificates
/// (<c>CotTlsPort</c>, the TAK streaming convention; both off when 0): senders write &lt;event&gt; elements one after
/// another on a connection, with no framing but the elements themselves. Each event is cut out of the stream at its
/// &lt;/event&gt; and parsed on its own, so a malformed one is counted and skipped and the connection goes on; an event larger
/// than <c>CotMaxEventBytes</c> is counted and dropped up to the next &lt;event. Unknown uids are refused and counted, as
/// on the other protocols; so are devices whose owner gave them a credential (<see cref="DeviceCredentials.CotMayReport"/>):
/// over plain TCP the uid is all a sender shows, so such a device reports only over TLS (with its own certificate when bound
/// to one). The events read together are stored and run through the engine together.
/// Connections are limited in number overall and per remote address (a further one is closed at once), and one that sends
/// no complete event within <c>CotFirstEventSeconds</c> of opening, or nothing for <c>CotIdleMinutes</c> after, is closed:
/// these deadlines are read on the app's clock by a sweep every <c>CotSweepSeconds</c>.
/// </summary>
internal sealed class CotListener(IServiceScopeFactory scopes, IngestWriter writer, TrackingCounters counters, TimeProvider clock,
    IOptions<TrackingOptions> options, IOptions<TrackingProtocolOptions> protocol, ILogger<CotListener> logger) : BackgroundService
{
    private const string EndTag = "</event>";
    private const string StartTag = "<event";
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private readonly ConcurrentDictionary<Connection, byte> _open = new();
    private int _connections;

    /// <summary>One open connection: where from, since when, whether it has sent an event, and how to close it.</summary>
    private sealed class Connection(IPAddress address, DateTimeOffset openedAt, CancellationToken stoppingToken) : IDisposable
    {
        public IPAddress Address { get; } = address;
        public DateTimeOffset LastActivity { get; set; } = openedAt;
        public bool HadEvent { get; set; }
        public CancellationTokenSource Close { get; } = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);

        public void Dispose() => Close.Dispose();
    }

    /// <summary>The TCP port listened on (useful when configured as -1, which asks the OS for a free one); 0 when off.</summary>
    public int Port { get; private set; }

    /// <summary>The TLS port listened on; 0 when off.</summary>
    public int TlsPort { get; private set; }

    /// <summary>Connections open now (both ports).</summary>
    public int OpenConnections => Volatile.Read(ref _connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = protocol.Value;
        var listeners = new List<Task>();
        if (settings.CotTcpPort != 0)
        {
            var tcp = StartListener(settings.CotTcpPort);
            Port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            logger.LogInformation("Cursor-on-Target listener on TCP port {Port}", Port);
            listeners.Add(AcceptAsync(tcp, null, stoppingToken));
        }
        if (settings.CotTlsPort != 0)
        {
            // A misconfigured certificate stops the start-up here, before the port opens, rather than refusing every client.
            var tls = CotTls.Load(settings, clock);
            var listener = StartListener(settings.CotTlsPort);
            TlsPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            logger.LogInformation("Cursor-on-Target listener on TLS port {Port} (client certificates required)", TlsPort);
            listeners.Add(AcceptAsync(listener, tls, stoppingToken));
        }
        if (listeners.Count == 0)
        {
            return;
        }
        listeners.Add(SweepAsync(stoppingToken));
        await Task.WhenAll(listeners);
    }

    private static TcpListener StartListener(int port)
    {
        var listener = new TcpListener(IPAddress.IPv6Any, Math.Max(0, port));
        listener.Server.DualMode = true;
        listener.Start();
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener, CotTls? tls, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                var address = ((IPEndPoint)client.Client.RemoteEndPoint!).Address;
                if (address.IsIPv4MappedToIPv6)
                {
                    address = address.MapToIPv4();
                }
                if (!Admit(address))
                {
                    // Closed at once with a reset: a refused connection holds nothing on either side.
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Dispose();
                    continue;
                }
                var connection = new Connection(address, clock.GetUtcNow(), stoppingToken);
                _open[connection] = 0;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await ServeAsync(client, tls, connection);
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException
                        or System.Security.Authentication.AuthenticationException)
                    {
                        // The sender went away, was closed for idling or a bad certificate, or the server is stopping.
                    }
                    catch (Exception e)
                    {
                        logger.LogError(e, "Cursor-on-Target connection failed");
                    }
                    finally
                    {
                        client.Dispose();
                        _open.TryRemove(connection, out _);
                        connection.Dispose();
                        Release(address);
                    }
                }, CancellationToken.None);
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

    private bool Admit(IPAddress address)
    {
        if (Interlocked.Increment(ref _connections) > protocol.Value.CotMaxConnections)
        {
            Interlocked.Decrement(ref _connections);
            return false;
        }
        if (_perAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > protocol.Value.CotMaxConnectionsPerAddress)
        {
            Release(address);
            return false;
        }
        return true;
    }

    private void Release(IPAddress address)
    {
        if (_perAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
        Interlocked.Decrement(ref _connections);
    }

    /// <summary>Closes connections past their deadline on the app's clock: from opening until the first event, from the last read after it.</summary>
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(0.01, protocol.Value.CotSweepSeconds));
        var firstEvent = TimeSpan.FromSeconds(Math.Max(0.1, protocol.Value.CotFirstEventSeconds));
        var idle = TimeSpan.FromMinutes(Math.Max(0.01, protocol.Value.CotIdleMinutes));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(every, stoppingToken);
                var now = clock.GetUtcNow();
                foreach (var connection in _open.Keys)
                {
                    if (now - connection.LastActivity > (connection.HadEvent ? idle : firstEvent))
                    {
                        try
                        {
                            await connection.Close.CancelAsync();
                        }
                        catch (ObjectDisposedException)
                        {
                            // Closed by its sender meanwhile.
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(TcpClient client, CotTls? tls, Connection connection)
    {
        var cancel = connection.Close.Token;
        Stream stream = client.GetStream();
        string? thumbprint = null;
        if (tls is not null)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            stream = ssl;
            await ssl.AuthenticateAsServerAsync(tls.ServerOptions, cancel);
            thumbprint = ssl.RemoteCertificate is { } remote ? DeviceCredentials.Thumbprint(new X509Certificate2(remote)) : null;
            if (thumbprint is null)
            {
                return;
            }
        }
        await using var _ = stream;
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var pending = new StringBuilder();
        var maxChars = protocol.Value.CotMaxEventBytes;
        while (!cancel.IsCancellationRequested)
        {
            var read = await stream.ReadAsync(bytes, cancel);
            if (read == 0)
            {
                return;
            }
            var count = decoder.GetChars(bytes, 0, read, chars, 0);
            pending.Append(chars, 0, count);
            var texts = Frame(pending, maxChars, out var oversized);
            counters.AddMalformed(oversized);
            if (texts.Count > 0 || connection.HadEvent)
            {
                // Before the first event the deadline runs from the opening: bytes dribbled without an event do not extend it.
                connection.HadEvent = true;
                connection.LastActivity = clock.GetUtcNow();
            }
            if (texts.Count > 0)
            {
                await HandleAsync(texts, thumbprint, cancel);
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

    private async Task HandleAsync(List<string> texts, string? thumbprint, CancellationToken cancellationToken)
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
        var accepted = events.Where(e => known.TryGetValue(e.Uid, out var d) && DeviceCredentials.CotMayReport(d, thumbprint))
            .Select(e => new PositionToStore(known[e.Uid], e.Fix)).ToList();
        counters.AddUnknownDevices(events.Count - accepted.Count);
        if (accepted.Count > 0)
        {
            await writer.StorePositionsAsync(accepted, now, cancellationToken);
        }
    }
}
