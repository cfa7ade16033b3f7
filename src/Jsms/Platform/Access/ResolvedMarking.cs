namespace Jsms.Platform.Access;

internal sealed record ResolvedMarking(Tlp Tlp, IReadOnlyList<Guid> ReleaseToAgencyIds, IReadOnlyList<Guid> RecipientUserIds);
