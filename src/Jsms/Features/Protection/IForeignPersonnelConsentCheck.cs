using Jsms.Platform.Access;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// Whether a partner's deployed personnel may join a movement: each must be covered by a granted consent of the host
/// whose area, period and personnel cover the movement. Consents live in Operations, which depends on Protection, so
/// Protection asks through this and Operations answers it (<c>AddOperations</c>), as <see cref="ITrackerDirectory"/>.
/// People are named by their id on the consent (the id of the request's person, kept on the consent).
/// </summary>
internal interface IForeignPersonnelConsentCheck
{
    /// <summary>The partner people of the consents the caller may read that are in force or yet to start, for choosing.</summary>
    Task<List<PartnerPersonDto>> ChoicesAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="personIds"/> the caller may read, as shown on a movement.</summary>
    Task<List<PartnerPersonDto>> DescribeAsync(Caller caller, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The check: which ids name nobody the caller may read (<c>field[i]</c>, answered 404 by the caller), and what the
    /// consents do not cover, by field (<c>field.consent</c>, <c>field.area</c>, <c>field.period</c>, <c>field.personnel</c>).
    /// </summary>
    Task<PartnerPersonnelCheck> CheckAsync(Caller caller, string field, IReadOnlyList<Guid> personIds, LineString? route, DateTime? start,
        DateTime? end, CancellationToken cancellationToken = default);
}
