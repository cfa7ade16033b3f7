using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jsms.Platform.Database;

/// <summary>
/// Model configuration that is not one entity's (a database function, say): a feature implements it beside its entities,
/// and the context applies every implementation in the assembly, as it applies the <see cref="IEntityTypeConfiguration{TEntity}"/>s,
/// so the context names no feature.
/// </summary>
internal interface IModelConfiguration
{
    void Configure(ModelBuilder builder, DatabaseFacade database);

    /// <summary>Applies every <see cref="IModelConfiguration"/> of the assembly, in name order (the model does not depend on the order).</summary>
    static void ApplyAll(ModelBuilder builder, DatabaseFacade database)
    {
        foreach (var type in typeof(IModelConfiguration).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModelConfiguration).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IModelConfiguration)Activator.CreateInstance(type)!).Configure(builder, database);
        }
    }
}
