namespace Jsms.Platform.Partners;

internal enum AgencyKind { Police, Military, Intelligence, Ministry, Secretariat, Other }
