namespace Jsms.Features.Incidents;

/// <summary>A column of the file and what the import makes of it (null: ignored).</summary>
internal sealed record ColumnMappingDto(string Column, string? BecomesField);
