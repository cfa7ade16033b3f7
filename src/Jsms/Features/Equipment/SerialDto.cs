namespace Jsms.Features.Equipment;

internal sealed record SerialDto(string ItemType, string SerialNumber, SerialStatus? LastStatus, DateTime? LastCheckedAt);
