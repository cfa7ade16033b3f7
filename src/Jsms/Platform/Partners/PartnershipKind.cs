namespace Jsms.Platform.Partners;

internal enum PartnershipKind { Bilateral, Multilateral }
