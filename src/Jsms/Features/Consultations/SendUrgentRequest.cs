using Jsms.Platform.Access;

namespace Jsms.Features.Consultations;

internal sealed record SendUrgentRequest(string? To, string? Subject, string? Body, int? AcknowledgeWithinMinutes, MarkingInput? Marking);
