namespace Jsms.Features.Operations;

/// <summary>A partner's person assigned, by their id on the consent's personnel, and their task.</summary>
internal sealed record OperationPersonInput(Guid? PersonId, string? Task);
