namespace Jsms.Features.Intelligence;

/// <summary>One keyset page of versions and whether more follow.</summary>
internal sealed record StixPage(IReadOnlyList<StixRow> Rows, bool More);
