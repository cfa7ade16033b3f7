namespace Jsms.Features.Exercises;

internal sealed record AarRequest(string? HotWashNotes, string? Summary);
