namespace Jsms.Features.Partners;

internal sealed record StateDto(Guid Id, string IsoCode, string Name);
