namespace Jsms.Features.Incidents;

/// <summary>A GTD code with its label.</summary>
internal sealed record CodeDto(int Code, string Label);
