namespace Jsms.Features.Operations;

/// <summary>The body of a suspension, resumption or revocation: why.</summary>
internal sealed record ConsentStatusInput(string? Reason);
