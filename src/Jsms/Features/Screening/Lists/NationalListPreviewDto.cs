namespace Jsms.Features.Screening.Lists;

/// <summary>
/// A national list file before its import: the header, the mapping used (suggested from the header when none was
/// chosen), the first rows as read with it, and every problem by line. An import of the same file and mapping
/// stores it only when there is no problem.
/// </summary>
internal sealed record NationalListPreviewDto(IReadOnlyList<string> Headers, ColumnMapping Mapping, int RowCount,
    IReadOnlyList<NationalPreviewRow> Rows, IReadOnlyList<string> Problems);
