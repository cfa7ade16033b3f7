using Jsms.Features.Audit;
using System.Globalization;
using Jsms.Features.Access;

namespace Jsms.Features.Consultations;

internal sealed record ProgressNoteDto(Guid Id, DateOnly WrittenOn, string Text, string Author, DateTime CreatedAt);
