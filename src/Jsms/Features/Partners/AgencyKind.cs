namespace Jsms.Features.Partners;

internal enum AgencyKind { Police, Military, Intelligence, Ministry, Secretariat, Other }
