using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

namespace Jsms.Tests.Infrastructure;

/// <summary>
/// The tests' one client of server-sent events (<c>/api/alerts/stream</c>): keeps what EventSource keeps, each event's
/// name, data and id, and the end of the stream (the server closing it).
/// </summary>
public sealed class SseReader : IAsyncDisposable
{
    public sealed record Event(string Name, string? Id, JsonElement Data);

    /// <summary>The pseudo-event returned once the server has ended the stream.</summary>
    public const string End = "(end)";

    private readonly HttpResponseMessage _response;
    private readonly HttpClient? _ownClient;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly Task _reader;

    private SseReader(HttpResponseMessage response, HttpClient? ownClient = null)
    {
        _response = response;
        _ownClient = ownClient;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Opens the alert stream as a demo user (a client of its own) and waits for its <c>ready</c> event.</summary>
    public static async Task<SseReader> OpenAsync(JsmsTestApp app, string user)
    {
        var client = await app.LoginAs(user);
        var response = await SendAsync(client, null);
        if (!response.IsSuccessStatusCode)
        {
            client.Dispose();
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new SseReader(response, client);
        Assert.Equal("ready", (await reader.NextAsync(TimeSpan.FromSeconds(10)))?.Name);
        return reader;
    }

    /// <summary>Opens the stream (with <c>Last-Event-ID</c> when given, as EventSource sends it on reconnecting); fails unless 200.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string? lastEventId = null, string path = "/api/alerts/stream")
    {
        var response = await SendAsync(client, lastEventId, path);
        if (!response.IsSuccessStatusCode)
        {
            // Read the body only when refused: a stream's body does not end.
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string? lastEventId, string path = "/api/alerts/stream")
    {
        if (client.Timeout != Timeout.InfiniteTimeSpan)
        {
            client.Timeout = Timeout.InfiniteTimeSpan; // only before the client's first request
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private async Task ReadAsync()
    {
        try
        {
            using var stream = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(stream);
            string name = "message", data = "";
            string? id = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        _events.Writer.TryWrite(new Event(name, id, JsonDocument.Parse(data).RootElement.Clone()));
                    }
                    (name, data, id) = ("message", "", null);
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data += line[5..].Trim();
                }
                else if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = line[3..].Trim();
                }
            }
            _events.Writer.TryWrite(new Event(End, null, default));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // Closed by the test.
        }
    }

    /// <summary>The next event within the time, or null.</summary>
    public async Task<Event?> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _events.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Reads events until <paramref name="count"/> alerts matching <paramref name="match"/> arrived, the stream ended or time ran out.</summary>
    public async Task<List<Event>> AlertsAsync(int count, Func<JsonElement, bool> match, TimeSpan within)
    {
        var alerts = new List<Event>();
        var deadline = DateTime.UtcNow + within;
        while (alerts.Count < count && DateTime.UtcNow < deadline && await NextAsync(deadline - DateTime.UtcNow) is { } e)
        {
            if (e.Name == "alert" && match(e.Data))
            {
                alerts.Add(e);
            }
            else if (e.Name != "alert")
            {
                alerts.Add(e);
                break;
            }
        }
        return alerts;
    }

    /// <summary>The alerts received within the time, until one matches (its data), or null.</summary>
    public async Task<JsonElement?> WaitForAlertAsync(Func<JsonElement, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && await NextAsync(deadline - DateTime.UtcNow) is { } e)
        {
            if (e.Name == "alert" && match(e.Data))
            {
                return e.Data;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        _ownClient?.Dispose();
        await _reader;
        _stop.Dispose();
    }
}
