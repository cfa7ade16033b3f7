namespace Jsms.Features.Intelligence;

/// <summary>What a manual pull did, and the source afterwards.</summary>
internal sealed record PullResponse(PullResult Result, TaxiiSourceDto Source);
