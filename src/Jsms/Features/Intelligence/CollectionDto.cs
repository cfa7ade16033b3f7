namespace Jsms.Features.Intelligence;

/// <summary>A STIX collection and the URL of its TAXII collection resource.</summary>
internal sealed record CollectionDto(Guid Id, string Title, string? Description, string DefaultTlp, string TaxiiUrl);
