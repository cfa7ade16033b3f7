namespace Jsms.Features.Incidents;

/// <summary>
/// The first rows of a file as the import would read them, before anything is stored: the file's columns with what each
/// becomes (or that it is ignored), the columns the format needs and the file lacks, and the first rows' incidents and problems.
/// </summary>
internal sealed record ImportPreviewDto(string Format, IReadOnlyList<ColumnMappingDto> Columns, IReadOnlyList<string> MissingColumns,
    IReadOnlyList<ImportPreviewRowDto> Rows, IReadOnlyList<ImportRowError> Errors);
