using Jsms.Platform.Database;

namespace Jsms.Tests.Platform;

/// <summary>
/// The ingest writer and the tracking alert saves take turns at SQLite's one write lock in the order they ask, so an
/// alert save waits for the group being written and no longer (docs/decisions/0016).
/// </summary>
public sealed class WriteTurnsTests
{
    [Fact]
    public async Task On_sqlite_a_second_writer_waits_until_the_first_turn_is_over()
    {
        using var turns = WriteTurns.OneAtATime();
        var first = await turns.TakeAsync();
        var second = turns.TakeAsync().AsTask();
        // Only a release lets a waiter in, and it does so before Dispose returns: nothing can let it in later on its own.
        Assert.False(second.IsCompleted);

        first.Dispose();
        var turn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        turn.Dispose();
    }

    [Fact]
    public async Task Writers_that_queue_get_their_turns_in_the_order_they_asked()
    {
        using var turns = WriteTurns.OneAtATime();
        var holder = await turns.TakeAsync();
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 5).Select(async n =>
        {
            using (await turns.TakeAsync())
            {
                lock (order)
                {
                    order.Add(n);
                }
                await Task.Yield();
            }
        }).ToList();
        Assert.Empty(order);

        holder.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_turn_disposed_twice_lets_in_one_writer_only()
    {
        using var turns = WriteTurns.OneAtATime();
        var first = await turns.TakeAsync();
        var second = turns.TakeAsync().AsTask();
        var third = turns.TakeAsync().AsTask();

        first.Dispose();
        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        // A second release would have let the third in inside the second Dispose, before the second's turn was awaited.
        Assert.False(third.IsCompleted);

        secondTurn.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_writer_that_stops_waiting_takes_no_turn_and_the_next_one_gets_it()
    {
        using var turns = WriteTurns.OneAtATime();
        var holder = await turns.TakeAsync();
        using var cancel = new CancellationTokenSource();
        var givenUp = turns.TakeAsync(cancel.Token).AsTask();
        var next = turns.TakeAsync().AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp);
        holder.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task On_postgresql_every_writer_gets_its_turn_at_once()
    {
        using var turns = WriteTurns.Concurrent();
        var first = await turns.TakeAsync();
        var second = turns.TakeAsync();

        Assert.True(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }
}
