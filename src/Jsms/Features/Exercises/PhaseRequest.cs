namespace Jsms.Features.Exercises;

internal sealed record PhaseRequest(string? To, string? DecidedOn, string? Note, DocumentRequest[]? Documents);
