namespace Jsms.Features.Intelligence;

/// <summary>The search criteria of the API and the search page (all optional).</summary>
internal sealed record StixSearch(string? Q, string? Type, string? Tlp, DateTime? From, DateTime? To, string? Actor = null, string? After = null);
