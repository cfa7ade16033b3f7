namespace Jsms.Features.Partners;

internal sealed record CreateStateRequest(string? IsoCode, string? Name);
