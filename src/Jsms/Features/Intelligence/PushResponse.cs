namespace Jsms.Features.Intelligence;

/// <summary>What a manual push did, and the source afterwards.</summary>
internal sealed record PushResponse(PushResult Result, TaxiiSourceDto Source);
