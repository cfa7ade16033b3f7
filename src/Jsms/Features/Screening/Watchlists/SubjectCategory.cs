namespace Jsms.Features.Screening.Watchlists;

/// <summary>Who a subject is to the watchlist's owner.</summary>
internal enum SubjectCategory { ProtectedPerson, LocalStaff, Driver, Contractor, Customer, Counterparty, Other }
