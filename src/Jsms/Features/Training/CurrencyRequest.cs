namespace Jsms.Features.Training;

internal sealed record CurrencyRequest(PersonRef[]? People, string? On, int? WarnDays);
