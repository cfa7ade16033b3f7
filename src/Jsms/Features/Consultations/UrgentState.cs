namespace Jsms.Features.Consultations;

internal enum UrgentState { Pending, Overdue, Acknowledged }
