namespace Jsms.Features.Incidents;

/// <summary>The statistics asked for: the period, the dimensions grouped by, the rows, and the totals of the period with their change.</summary>
internal sealed record StatisticsDto(DateOnly From, DateOnly To, string By, string? By2, string? Country, IReadOnlyList<StatisticsRowDto> Rows,
    StatisticsRowDto Total);
