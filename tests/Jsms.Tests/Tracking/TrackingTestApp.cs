using System.Diagnostics.CodeAnalysis;
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
