namespace Jsms.Features.Screening.Watchlists;

/// <summary>A subjects upload: how many were added, and what screening them found.</summary>
internal sealed record UploadOutcomeDto(int Added, RescreenOutcome Screening);
