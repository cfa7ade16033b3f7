namespace Jsms.Features.Tracking;

/// <summary>Where <see cref="IngestWriter"/> stores a group of batches: <see cref="SqliteObservationStorage"/> or <see cref="PostgresObservationStorage"/>.</summary>
internal interface IObservationStorage : IAsyncDisposable
{
    /// <summary>
    /// Stores every batch of the group in one transaction and fills in their ids; nothing is stored if it throws. When
    /// <paramref name="lastPositions"/> says the devices' last positions are due, they are upserted in the same transaction.
    /// </summary>
    Task WriteAsync(IReadOnlyList<PendingBatch> group, LastPositionBuffer lastPositions, bool flushLastPositions, CancellationToken cancellationToken);
}
