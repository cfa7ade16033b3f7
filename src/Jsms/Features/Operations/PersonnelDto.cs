namespace Jsms.Features.Operations;

/// <summary>A member of the personnel as shown; the passport number only to the parties of the request, null elsewhere.</summary>
internal sealed record PersonnelDto(Guid Id, string Name, string? Rank, string? Role, string? PassportNumber, DateOnly? TrainedOn,
    DateOnly? VettedOn, Guid? UserId);
