namespace Jsms.Features.Partners;

internal enum PartnershipKind { Bilateral, Multilateral }
