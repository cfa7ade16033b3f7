namespace Jsms.Features.Consultations;

internal sealed record AddProgressNoteRequest(string? Text, string? WrittenOn);
