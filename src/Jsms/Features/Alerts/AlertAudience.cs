using Jsms.Platform.Access;

namespace Jsms.Features.Alerts;

/// <summary>
/// Who reads an alert: its owner agency, level and creator, the agencies it is released to and its named recipients
/// (usually the marking of the record it is about, see <see cref="AlertRaiser.AudienceOfAsync"/>).
/// </summary>
internal sealed record AlertAudience(Guid OwnerAgencyId, Tlp Tlp, Guid CreatedByUserId, IEnumerable<Guid> ReleaseTo, IEnumerable<Guid> Recipients);
