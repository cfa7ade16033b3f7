namespace Jsms.Features.Consultations;

internal sealed record ProgressNoteDto(Guid Id, DateOnly WrittenOn, string Text, string Author, DateTime CreatedAt);
