namespace Jsms.Features.Screening;

internal sealed record ScreeningQueryDto(string Name, string? BirthDate, string? Nationality, string? Type);
