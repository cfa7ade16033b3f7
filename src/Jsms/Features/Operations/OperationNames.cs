using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>Agency codes and state ISO codes by id, loaded in two queries for a page of operations records.</summary>
internal sealed class OperationNames(Dictionary<Guid, string> agencies, Dictionary<Guid, string> states)
{
    public string Agency(Guid id) => agencies.GetValueOrDefault(id, "?");

    public string State(Guid id) => states.GetValueOrDefault(id, "?");

    public static async Task<OperationNames> LoadAsync(JsmsDbContext db, IEnumerable<Guid> agencyIds, IEnumerable<Guid> stateIds)
    {
        var a = agencyIds.Distinct().ToList();
        var s = stateIds.Distinct().ToList();
        return new OperationNames(
            await db.Set<Agency>().AsNoTracking().Where(x => a.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Code),
            await db.Set<State>().AsNoTracking().Where(x => s.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.IsoCode));
    }
}
