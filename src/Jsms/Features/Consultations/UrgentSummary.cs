namespace Jsms.Features.Consultations;

internal sealed record UrgentSummary(Guid Id, string From, string Subject, DateTime SentAt, DateTime AcknowledgeBy);
