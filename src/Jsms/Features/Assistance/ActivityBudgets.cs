namespace Jsms.Features.Assistance;

/// <summary>The activity's budgets, stored as one JSON column (read and written only with the activity).</summary>
internal sealed class ActivityBudgets : List<ActivityBudget>;
