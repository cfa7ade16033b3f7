namespace Jsms.Features.Operations;

/// <summary>A member of the personnel in a request body; <see cref="UserName"/> names their JSMS account, if any.</summary>
internal sealed record PersonnelInput(string? Name, string? Rank, string? Role, string? PassportNumber, DateOnly? TrainedOn,
    DateOnly? VettedOn, string? UserName);
