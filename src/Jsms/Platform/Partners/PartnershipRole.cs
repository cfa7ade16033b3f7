namespace Jsms.Platform.Partners;

internal enum PartnershipRole { Member, Observer }
