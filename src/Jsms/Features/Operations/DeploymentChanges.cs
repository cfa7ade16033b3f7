using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Features.Operations;

/// <summary>
/// Moves whenever an EF save adds, changes or removes a consent or a joint operation, whichever service saved it (the
/// consent's host suspending it, the clock expiring it, an operation starting), so the tracking engine reloads the
/// deployments it watches (<see cref="DeploymentWatches"/>). Bumped before and after the save, like Tracking's device changes.
/// </summary>
internal sealed class DeploymentChanges : SaveChangesInterceptor
{
    private static long _version;
    private static readonly ConditionalWeakTable<DbContext, object> Saving = new();

    public static DeploymentChanges Interceptor { get; } = new();

    public static long Version => Interlocked.Read(ref _version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BumpIfChanging(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        BumpIfChanging(eventData.Context);
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

    private static void AfterSave(DbContext? context)
    {
        if (context is not null && Saving.Remove(context))
        {
            Interlocked.Increment(ref _version);
        }
    }

    private static void BumpIfChanging(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is Consent or JointOperation or DeployedVehicle or OperationVehicle
                && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                Interlocked.Increment(ref _version);
                Saving.AddOrUpdate(context, context);
                return;
            }
        }
    }
}
