namespace Jsms.Features.Assistance;

/// <summary>The activity's transactions, stored as one JSON column (read and written only with the activity).</summary>
internal sealed class ActivityTransactions : List<ActivityTransaction>;
