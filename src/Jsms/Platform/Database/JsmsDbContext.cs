using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Database;

/// <summary>
/// The one database of JSMS. Features register their entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in their own folders and reach their
/// tables with <c>db.Set&lt;T&gt;()</c> (or the extension properties they declare).
/// Saving writes the audit entries of the unit of work in the same transaction (see <see cref="AuditTrail"/>).
/// Provider-specific subclasses exist only so each provider has its own migrations
/// (docs/decisions/0004-migrations.md).
/// </summary>
internal abstract class JsmsDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? clock, AuditWriteLock? auditLock)
    : IdentityDbContext<User, Role, Guid>(options)
{
    /// <summary>The application's audit append lock; a context made outside the container (design time) has its own.</summary>
    private readonly AuditWriteLock _auditLock = auditLock ?? new AuditWriteLock();

    internal IAuditActor Actor { get; } = actor ?? AuditActor.System;

    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    private readonly List<AuditEntry> _pendingAudit = [];

    /// <summary>Adds an audit entry to this unit of work; it is chained and written by the next save.</summary>
    public void Audit(string action, string? recordType = null, Guid? recordId = null, string? detail = null)
        => _pendingAudit.Add(AuditTrail.NewEntry(Actor, action, recordType, recordId, detail));

    /// <summary>Adds an audit entry on behalf of someone other than the current actor (e.g. a login attempt).</summary>
    public void AuditAs(IAuditActor who, string action, string? recordType = null, Guid? recordId = null, string? detail = null)
        => _pendingAudit.Add(AuditTrail.NewEntry(who, action, recordType, recordId, detail));

    private bool _holdsAuditLock;

    /// <summary>
    /// Holds the audit append lock until disposed. Saves take it by themselves; code that wraps
    /// audited saves in its own transaction (<c>Database.BeginTransactionAsync</c>) must hold it from
    /// before the transaction until after the commit, or another request could read the chain head
    /// before the commit and chain onto a stale entry. Saves of this context inside do not take it again.
    /// </summary>
    public async Task<IAsyncDisposable> HoldAuditLockAsync(CancellationToken cancellationToken = default)
    {
        if (_holdsAuditLock)
        {
            return NoAuditLockRelease.Instance;
        }
        await _auditLock.WaitAsync(cancellationToken);
        _holdsAuditLock = true;
        return new AuditLockRelease(this);
    }

    private sealed class AuditLockRelease(JsmsDbContext db) : IAsyncDisposable
    {
        private bool _released;

        public ValueTask DisposeAsync()
        {
            if (!_released)
            {
                _released = true;
                db._holdsAuditLock = false;
                db._auditLock.Release();
            }
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoAuditLockRelease : IAsyncDisposable
    {
        public static NoAuditLockRelease Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JsmsDbContext).Assembly);
        IModelConfiguration.ApplyAll(builder, Database);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite returns kind Unspecified, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    /// <summary>
    /// Bulk path of new releasable records (STIX import and pull): the records, their release grants and named
    /// recipients go straight into their tables (<see cref="BulkInsert"/>), with the audit entries SaveChanges would
    /// write for them (and any pending from <see cref="Audit"/>) chained onto the head of the log, all in one
    /// transaction under the audit lock: written whole or not at all. Nothing else may be pending in the change tracker.
    /// </summary>
    public async Task InsertReleasableInBulkAsync<T>(IReadOnlyList<T> records, IReadOnlyList<ReleaseGrant> grants,
        IReadOnlyList<NamedRecipient> recipients, CancellationToken cancellationToken = default) where T : class, IReleasable
    {
        var audit = new List<AuditEntry>();
        foreach (var row in records.Cast<object>().Concat(grants).Concat(recipients))
        {
            if (AuditTrail.EntryFor(row, EntityState.Added, Actor) is { } entry)
            {
                audit.Add(entry);
            }
        }
        await WriteInBulkAsync(audit, async () =>
        {
            await BulkInsert.InsertAsync(this, records, cancellationToken);
            await BulkInsert.InsertAsync(this, grants, cancellationToken);
            await BulkInsert.InsertAsync(this, recipients, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the entries added with <see cref="Audit"/> alone, chained like a save, past the change tracker (one
    /// binary COPY on PostgreSQL, one natively prepared INSERT re-bound per entry on SQLite): for reads that audit many
    /// records at once, such as a TAXII page of AMBER+STRICT objects. Nothing else may be pending in the change tracker.
    /// </summary>
    public Task WriteAuditInBulkAsync(CancellationToken cancellationToken = default)
        => WriteInBulkAsync([], () => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// The pending audit entries and <paramref name="audit"/> chained onto the head of the log and written with the rows
    /// <paramref name="writeRows"/> writes, in one transaction under the audit lock: whole or not at all.
    /// </summary>
    private async Task WriteInBulkAsync(List<AuditEntry> audit, Func<Task> writeRows, CancellationToken cancellationToken)
    {
        if (ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save or clear the tracked changes before a bulk insert.");
        }
        audit.InsertRange(0, _pendingAudit);
        await using (await HoldAuditLockAsync(cancellationToken))
        {
            var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                if (audit.Count > 0)
                {
                    var last = await Set<AuditEntry>().AsNoTracking()
                        .OrderByDescending(e => e.Sequence)
                        .Select(e => new { e.Sequence, e.Hash })
                        .FirstOrDefaultAsync(cancellationToken);
                    AuditTrail.Chain(audit, last?.Sequence ?? 0, last?.Hash ?? AuditTrail.GenesisHash, Clock.GetUtcNow());
                }
                await writeRows();
                await BulkInsert.InsertAsync(this, audit, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
                _pendingAudit.Clear();
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.GuardAppendOnly(ChangeTracker);
        _pendingAudit.AddRange(AuditTrail.EntriesForTrackedChanges(ChangeTracker, Actor));
        if (_pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using (await HoldAuditLockAsync(cancellationToken))
        {
            var last = await Set<AuditEntry>().AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            AuditTrail.Chain(_pendingAudit, last?.Sequence ?? 0, last?.Hash ?? AuditTrail.GenesisHash, Clock.GetUtcNow());
            Set<AuditEntry>().AddRange(_pendingAudit);
            try
            {
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                _pendingAudit.Clear();
                return written;
            }
            catch
            {
                foreach (var entry in _pendingAudit)
                {
                    Entry(entry).State = EntityState.Detached;
                }
                throw;
            }
        }
    }
}
