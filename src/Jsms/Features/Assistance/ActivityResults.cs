namespace Jsms.Features.Assistance;

/// <summary>The activity's results, stored as one JSON column (read and written only with the activity).</summary>
internal sealed class ActivityResults : List<ActivityResult>;
