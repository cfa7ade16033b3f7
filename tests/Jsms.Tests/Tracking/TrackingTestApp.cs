using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Jsms.Features.Tracking;
using Jsms.Tests.Infrastructure;

[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants",
    Target = "~N:Jsms.Tests.Tracking", Justification = "Literal request bodies read once per test.")]
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants",
    Target = "~N:Jsms.Tests.Protection", Justification = "Literal request bodies read once per test.")]

namespace Jsms.Tests.Tracking;

/// <summary>The app with the tracking timer ticking every 200 ms of its clock, and tokens that outlive the hours the tests move the clock.</summary>
public sealed class TrackingTestApp : JsmsTestApp
{
    /// <summary>The tracking timer's interval (of the test clock).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(0.2);

    protected override IEnumerable<string> ExtraArguments => ["--Jsms:Tracking:TickSeconds=0.2", "--Jsms:TokenLifetimeMinutes=10080"];

    /// <summary>Moves the clock one tick on (for a timer that re-armed after the clock last moved).</summary>
    public void NextTick() => Clock.Advance(Tick);

    /// <summary>
    /// Sets the clock and waits until the tracking timer has advanced the engine to that time and stored what it raised:
    /// proof that the timer ran, for a test that then asserts what it did not raise.
    /// </summary>
    public async Task TickAt(DateTimeOffset to)
    {
        Clock.Set(to);
        var pipeline = Service<TrackingPipeline>();
        await Eventually.True(() => pipeline.EngineNow >= to.UtcDateTime, $"a tick of the tracking timer at {to:u}", between: NextTick);
        // A step that changes nothing, queued behind the timer's: once it returns, the tick's alerts are stored.
        await pipeline.TickAsync(to.UtcDateTime);
    }
}

/// <summary>A subscriber of /api/alerts/stream: collects the server-sent events it receives.</summary>
public sealed class AlertSubscriber : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Event, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Task _reader;

    private AlertSubscriber(HttpClient client, HttpResponseMessage response)
    {
        _client = client;
        _reader = Task.Run(async () =>
        {
            using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(stream);
            var kind = "message";
            while (!_stop.IsCancellationRequested && await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    _events.Writer.TryWrite((kind, JsonDocument.Parse(line[5..]).RootElement.Clone()));
                    kind = "message";
                }
            }
        });
    }

    public static async Task<AlertSubscriber> OpenAsync(JsmsTestApp app, string user)
    {
        var client = await app.LoginAs(user);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var subscriber = new AlertSubscriber(client, response);
        var ready = await subscriber.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("ready", ready?.Event);
        return subscriber;
    }

    public async Task<(string Event, JsonElement Data)?> NextAsync(TimeSpan within)
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

    /// <summary>The alerts received within the time, until one matches.</summary>
    public async Task<JsonElement?> WaitForAlertAsync(Func<JsonElement, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await NextAsync(deadline - DateTime.UtcNow) is { Event: "alert" } e && match(e.Data))
            {
                return e.Data;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // The connection was closed under the reader: that is how a subscriber leaves.
        }
        _stop.Dispose();
    }
}
