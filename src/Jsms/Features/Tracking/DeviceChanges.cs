using System.Runtime.CompilerServices;
using Jsms.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Features.Tracking;

/// <summary>
/// Moves whenever an EF save adds, changes or removes a device, or a release grant / named recipient of a device (or
/// of a record not in the unit of work, to be safe). Registered on every JsmsDbContext; bumped before and after the save
/// so no snapshot taken around the commit keeps the old version.
/// </summary>
internal sealed class DeviceChanges : SaveChangesInterceptor
{
    private static long _version;

    public static DeviceChanges Interceptor { get; } = new();

    public static long Version => Interlocked.Read(ref _version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BumpIfDevicesChange(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        BumpIfDevicesChange(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // Contexts whose save in progress changes devices: bumped again once it is committed.
    private static readonly ConditionalWeakTable<DbContext, object> Saving = new();

    private static void AfterSave(DbContext? context)
    {
        if (context is not null && Saving.Remove(context))
        {
            Interlocked.Increment(ref _version);
        }
    }

    private static void BumpIfDevicesChange(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var changed = false;
        var tracked = new HashSet<Guid>();
        var devices = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is Device device)
            {
                devices.Add(device.Id);
                changed |= entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;
            }
            else if (entry.Entity is IReleasable releasable)
            {
                tracked.Add(releasable.Id);
            }
        }
        if (!changed)
        {
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && MarkingOf(entry) is { } recordId && (devices.Contains(recordId) || !tracked.Contains(recordId)))
                {
                    changed = true;
                    break;
                }
            }
        }
        if (changed)
        {
            Interlocked.Increment(ref _version);
            Saving.AddOrUpdate(context, context);
        }
    }

    private static Guid? MarkingOf(EntityEntry entry) => entry.Entity switch
    {
        ReleaseGrant g => g.RecordId,
        NamedRecipient r => r.RecordId,
        _ => null,
    };
}
