namespace Jsms.Tests.Infrastructure;

/// <summary>
/// The one wait of the tests for an outcome that arrives asynchronously (a background loop's write, a listener's
/// store): reads until the outcome is there, failing with what was awaited when the deadline passes. Tests never sleep:
/// they move the <see cref="TestClock"/> to run background work, then wait here for its result.
/// </summary>
public static class Eventually
{
    /// <summary>How long an outcome may take on a loaded machine before the test fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>Real time between two reads: often enough to be quick, rarely enough not to load the database being waited on.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Reads until <paramref name="done"/> holds and returns that read. <paramref name="between"/> runs before each read
    /// after the first: e.g. <c>() =&gt; app.Clock.Advance(tick)</c> for a timer that re-armed after the clock last moved.
    /// </summary>
    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> done, string what, Action? between = null, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = TimeProvider.System.GetTimestamp() + (long)((within ?? Deadline).TotalSeconds * TimeProvider.System.TimestampFrequency);
        using var poll = new PeriodicTimer(Poll);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (TimeProvider.System.GetTimestamp() > deadline || !await poll.WaitForNextTickAsync())
            {
                Assert.Fail($"Still waiting after {(within ?? Deadline).TotalSeconds:0.#} s for {what}; last read: {Describe(value)}");
            }
            between?.Invoke();
        }
    }

    /// <summary>Waits until the condition holds.</summary>
    public static Task True(Func<Task<bool>> condition, string what, Action? between = null, TimeSpan? within = null)
        => Value(condition, static ok => ok, what, between, within);

    /// <summary>Waits until the condition holds.</summary>
    public static Task True(Func<bool> condition, string what, Action? between = null, TimeSpan? within = null)
        => Value(() => Task.FromResult(condition()), static ok => ok, what, between, within);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
