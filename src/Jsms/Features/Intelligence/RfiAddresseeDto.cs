namespace Jsms.Features.Intelligence;

internal sealed record RfiAddresseeDto(string Agency, string? AssignedTo, DateTime? AssignedAt, DateTime? AnsweredAt);
