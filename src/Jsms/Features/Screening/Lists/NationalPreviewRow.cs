namespace Jsms.Features.Screening.Lists;

/// <summary>One row of a national list as the mapping reads it (the preview before the import is confirmed).</summary>
internal sealed record NationalPreviewRow(int Line, IReadOnlyList<string> Cells, string SourceId, string? Name, string? Type, IReadOnlyList<string> Aliases,
    IReadOnlyList<string> BirthDates, IReadOnlyList<string> Nationalities, IReadOnlyList<string> Identifiers, string? Reason);
