namespace Jsms.Features.Operations;

/// <summary>An assigned partner person (their id on the consent) and task.</summary>
internal sealed record OperationPersonDto(Guid PersonId, string Name, string? Task);
