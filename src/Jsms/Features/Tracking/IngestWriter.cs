using System.Diagnostics;
using System.Threading.Channels;
using Jsms.Platform.Background;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// The one way positions and sightings are stored (every ingest endpoint goes through it; docs/decisions/0007).
/// Group commit: concurrent requests hand their validated batches to a channel; one writer stores whatever has
/// gathered in one transaction (SQLite: a reused prepared INSERT; PostgreSQL: binary COPY), commits, then the
/// batches go through the detection engine in arrival order. A caller's task completes only after its
/// observations are committed and have been through the engine, so a 2xx still means "durably stored".
/// A batch is written whole or not at all: if a gathered transaction fails, each batch is retried alone.
/// </summary>
internal sealed class IngestWriter : IHostedService, IAsyncDisposable
{
    private readonly Channel<PendingBatch> _toStore = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(256) { SingleReader = true });
    private readonly Channel<List<PendingBatch>> _toEngine = Channel.CreateBounded<List<PendingBatch>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TrackingPipeline _pipeline;
    private readonly TrackingCounters _counters;
    private readonly WriteTurns _turns;
    private readonly TrackingOptions _options;
    private readonly ILogger<IngestWriter> _logger;
    private readonly Lock _startGate = new();
    private readonly LastPositionBuffer _lastPositions = new();
    // The two loops block (SQLite has no asynchronous I/O; the engine and its alert save): each has a thread of its own, so
    // they never hold the thread pool's few threads that requests need (docs/decisions/0007, "Storage of observations").
    private readonly DedicatedThreadScheduler _storeThread = new("JSMS ingest writer");
    private readonly DedicatedThreadScheduler _engineThread = new("JSMS tracking engine");
    private readonly int _maxGroupRows;
    private Task? _loops;
    private IObservationStorage? _storage;
    private int _disposed;

    public IngestWriter(IServiceScopeFactory scopes, TrackingPipeline pipeline, TrackingCounters counters, WriteTurns turns,
        IOptions<TrackingOptions> options, ILogger<IngestWriter> logger)
    {
        _scopes = scopes;
        _pipeline = pipeline;
        _counters = counters;
        _turns = turns;
        _options = options.Value;
        _maxGroupRows = Math.Max(1, _options.MaxGroupRows);
        _logger = logger;
    }

    /// <summary>
    /// Last positions of these devices that are committed but not yet written to <see cref="DeviceLastPosition"/> (at most a
    /// second behind). Ask before reading the table: a position is then in one or the other.
    /// </summary>
    public Dictionary<Guid, (long PositionId, DateTime Time)> HeldBackLastPositions(IEnumerable<Guid> deviceIds) => _lastPositions.Find(deviceIds);

    /// <summary>Stores the positions (one transaction, with whatever else is being stored), runs them through the engine; returns the alerts raised.</summary>
    public Task<int> StorePositionsAsync(IReadOnlyList<PositionToStore> positions, DateTime receivedAt, CancellationToken cancellationToken = default)
        => EnqueueAsync(new PendingBatch(positions, [], receivedAt), cancellationToken);

    /// <summary>Stores the sightings (placed at their sensor), runs them through the engine; returns the alerts raised.</summary>
    public Task<int> StoreSightingsAsync(IReadOnlyList<SightingToStore> sightings, DateTime receivedAt, CancellationToken cancellationToken = default)
        => EnqueueAsync(new PendingBatch([], sightings, receivedAt), cancellationToken);

    private async Task<int> EnqueueAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        EnsureStarted();
        if (!_toStore.Writer.TryWrite(batch))
        {
            try
            {
                await _toStore.Writer.WriteAsync(batch, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new OperationCanceledException("The server is shutting down.");
            }
        }
        // The batch is committed even if the caller goes away; the caller just stops waiting.
        return await batch.Done.Task.WaitAsync(cancellationToken);
    }

    private void EnsureStarted()
    {
        if (_loops is not null)
        {
            return;
        }
        lock (_startGate)
        {
            if (_loops is null)
            {
                _loops = Task.WhenAll(_storeThread.Start(StoreLoopAsync), _engineThread.Start(EngineLoopAsync));
            }
        }
    }

    private async Task StoreLoopAsync()
    {
        var reader = _toStore.Reader;
        try
        {
            while (await WaitForBatchesAsync(reader))
            {
                var group = new List<PendingBatch>();
                var rows = 0;
                while (rows < _maxGroupRows && reader.TryRead(out var batch))
                {
                    group.Add(batch);
                    rows += batch.Count;
                }
                var writing = Stopwatch.GetTimestamp();
                var stored = await WriteGroupAsync(group);
                var committed = Stopwatch.GetTimestamp();
                _counters.RecordGroup(rows, Stopwatch.GetElapsedTime(group.Min(b => b.Queued), writing), Stopwatch.GetElapsedTime(writing, committed));
                foreach (var batch in stored)
                {
                    batch.Committed = committed;
                }
                if (stored.Count > 0)
                {
                    await _toEngine.Writer.WriteAsync(stored, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _toEngine.Writer.TryComplete();
        }
        await FlushLastPositionsAsync();
    }

    /// <summary>Waits for the next batches; when last positions are held back and nothing comes for a second, writes them.</summary>
    private async Task<bool> WaitForBatchesAsync(ChannelReader<PendingBatch> reader)
    {
        var waiting = reader.WaitToReadAsync(_stop.Token).AsTask();
        while (!_lastPositions.IsEmpty && !waiting.IsCompleted)
        {
            // Real time, not the app's clock: how long a write is held back is a throughput bound of the write path, not a business timer.
            if (await Task.WhenAny(waiting, Task.Delay(LastPositionBuffer.Interval, _stop.Token)) != waiting)
            {
                await FlushLastPositionsAsync();
            }
        }
        return await waiting;
    }

    /// <summary>Writes the last positions held in memory (after a quiet second, and on the way out).</summary>
    private async Task FlushLastPositionsAsync()
    {
        if (_lastPositions.IsEmpty)
        {
            return;
        }
        try
        {
            _storage ??= await CreateStorageAsync();
            using (await _turns.TakeAsync())
            {
                await _storage.WriteAsync([], _lastPositions, flushLastPositions: true, CancellationToken.None);
            }
            _lastPositions.Committed([], flushed: true);
        }
        catch (Exception exception)
        {
            // Tried again a second later; were the process to stop, the next start recovers them from the positions.
            _logger.LogWarning(exception, "Writing the devices' last positions failed");
            if (_storage is not null)
            {
                await _storage.DisposeAsync();
                _storage = null;
            }
        }
    }

    /// <summary>Writes the group in one transaction; on failure, each batch alone, so one bad batch fails only itself.</summary>
    private async Task<List<PendingBatch>> WriteGroupAsync(List<PendingBatch> group)
    {
        try
        {
            await WriteAsync(group);
            return group;
        }
        catch (Exception exception) when (group.Count > 1 && exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "Storing {Batches} gathered batches failed; storing them one by one", group.Count);
        }
        catch (Exception exception)
        {
            group[0].Done.TrySetException(exception);
            return [];
        }
        var stored = new List<PendingBatch>();
        foreach (var batch in group)
        {
            try
            {
                await WriteAsync([batch]);
                stored.Add(batch);
            }
            catch (Exception exception)
            {
                batch.Done.TrySetException(exception);
            }
        }
        return stored;
    }

    private async Task WriteAsync(List<PendingBatch> group)
    {
        _storage ??= await CreateStorageAsync();
        // The devices' last positions are written at most once a second, and after a second without reports; readers see the
        // ones held back through HeldBackLastPositions (docs/decisions/0007, "Last positions written behind").
        var flush = _lastPositions.Due;
        try
        {
            // An alert save that asked while the last group was written goes first (docs/decisions/0016).
            using (await _turns.TakeAsync(_stop.Token))
            {
                await _storage.WriteAsync(group, _lastPositions, flush, _stop.Token);
            }
            _lastPositions.Committed(group, flush);
        }
        catch
        {
            // A broken connection is not reused: the next group opens a new one.
            await _storage.DisposeAsync();
            _storage = null;
            throw;
        }
    }

    private async Task<IObservationStorage> CreateStorageAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var connectionString = db.Database.GetConnectionString()!;
        return db.Database.IsNpgsql()
            ? await PostgresObservationStorage.OpenAsync(connectionString, _stop.Token)
            : await SqliteObservationStorage.OpenAsync(connectionString, _options.SqliteSynchronous, _logger, _stop.Token);
    }

    private async Task EngineLoopAsync()
    {
        await foreach (var group in _toEngine.Reader.ReadAllAsync())
        {
            foreach (var batch in group)
            {
                _counters.AddPositions(batch.Positions.Count);
                _counters.AddSightings(batch.Sightings.Count);
            }
            try
            {
                var alerts = await _pipeline.ProcessBatchesAsync(group.Select(b => b.Observations()).ToList());
                _counters.RecordEngine(Stopwatch.GetElapsedTime(group[0].Committed));
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(alerts[i]);
                }
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Running stored observations through the engine failed");
                foreach (var batch in group)
                {
                    batch.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>Last positions still held in memory when the process last stopped are recovered from the positions stored after them.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await LastPositionSql.CatchUpAsync(scope.ServiceProvider.GetRequiredService<JsmsDbContext>(), cancellationToken);
    }

    /// <summary>On shutdown, before the services go: takes no more batches and finishes those already handed over.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _toStore.Writer.TryComplete();
        if (_loops is not null)
        {
            try
            {
                await _loops.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await _stop.CancelAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as a singleton and as the hosted service: the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _toStore.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loops is not null)
        {
            try
            {
                await _loops;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
            {
                // Shutting down.
            }
        }
        while (_toStore.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled();
        }
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
        _storeThread.Dispose();
        _engineThread.Dispose();
        _stop.Dispose();
    }
}
