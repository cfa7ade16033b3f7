namespace Jsms.Features.Assistance;

/// <summary>The activity's conditions, stored as one JSON column (read and written only with the activity).</summary>
internal sealed class ActivityConditions : List<ActivityCondition>;
