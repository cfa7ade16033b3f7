namespace Jsms.Features.Consultations;

internal sealed record AcknowledgeUrgentRequest(string? Reply);
