using Jsms.Platform.Access;
using Jsms.Platform.Web;

namespace Jsms.Features.Protection;

/// <summary>What <see cref="PersonsService"/>, <see cref="SitesService"/> and <see cref="MovementsService"/> share about marked records.</summary>
internal static class ProtectionRecords
{
    public static (Guid, Guid, Tlp) Key(IReleasable r) => (r.Id, r.OwnerAgencyId, r.Tlp);

    /// <summary>
    /// The new marking of a record being changed, or null when the request leaves it as it is; problems with it go
    /// to <paramref name="errors"/>. A level left out keeps the record's <paramref name="current"/> one.
    /// </summary>
    public static async Task<ResolvedMarking?> ResolveChangeAsync(this ReleaseMarkings markings, MarkingInput? input, Tlp current,
        Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            return null;
        }
        var (resolved, markingErrors) = await markings.ResolveAsync(input, current);
        Validate.Merge(errors, markingErrors);
        return resolved;
    }
}
