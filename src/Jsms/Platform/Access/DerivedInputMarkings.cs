using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Platform.Access;

/// <summary>
/// Keeps the marking copied into <see cref="DerivedInput"/> rows in step with the input record: when a save changes
/// a releasable record's level, owner or creator, the same save rewrites the copies of every record derived from it.
/// One hook for every kind of record, so no feature has to remember to do it. (A change made with ExecuteUpdate
/// bypasses it: markings are changed through tracked entities, see <see cref="ReleaseMarkings.ReplaceAsync"/>.)
/// </summary>
internal sealed class DerivedInputMarkings : SaveChangesInterceptor
{
    public static DerivedInputMarkings Interceptor { get; } = new();

    private static readonly string[] MarkingProperties = [nameof(IReleasable.Tlp), nameof(IReleasable.OwnerAgencyId), nameof(IReleasable.CreatedByUserId)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Changed(context) is { Count: > 0 } changed)
        {
            var ids = changed.Keys.ToList();
            Apply(changed, [.. context.Set<DerivedInput>().Where(i => ids.Contains(i.Id))]);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Changed(context) is { Count: > 0 } changed)
        {
            var ids = changed.Keys.ToList();
            Apply(changed, await context.Set<DerivedInput>().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken));
        }
        return result;
    }

    /// <summary>Records in this unit of work whose marking (level, owner, creator) changed, by id.</summary>
    private static Dictionary<Guid, IReleasable> Changed(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var changed = new Dictionary<Guid, IReleasable>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is IReleasable record and not DerivedInput && MarkingChanged(entry))
            {
                changed[record.Id] = record;
            }
        }
        return changed;
    }

    private static bool MarkingChanged(EntityEntry entry)
        => MarkingProperties.Any(name => entry.Metadata.FindProperty(name) is not null && entry.Property(name).IsModified);

    private static void Apply(Dictionary<Guid, IReleasable> changed, List<DerivedInput> copies)
    {
        foreach (var copy in copies)
        {
            var record = changed[copy.Id];
            copy.Tlp = record.Tlp;
            copy.OwnerAgencyId = record.OwnerAgencyId;
            copy.CreatedByUserId = record.CreatedByUserId;
        }
    }
}
