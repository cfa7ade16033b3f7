namespace Jsms.Features.Partners;

internal enum PartnershipRole { Member, Observer }
