using Jsms.Platform.Access;

namespace Jsms.Features.Consultations;

internal sealed record CreateMeetingRequest(string? Title, string? HeldOn, string? Place, string? Participants, string? Agenda, string? Minutes, MarkingInput? Marking);
