namespace Jsms.Features.Access;

internal sealed record ResolvedMarking(Tlp Tlp, IReadOnlyList<Guid> ReleaseToAgencyIds, IReadOnlyList<Guid> RecipientUserIds);
