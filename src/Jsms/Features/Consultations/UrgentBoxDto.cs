namespace Jsms.Features.Consultations;

internal sealed record UrgentBoxDto(IReadOnlyList<UrgentMessageDto> Inbox, IReadOnlyList<UrgentMessageDto> Outbox);
