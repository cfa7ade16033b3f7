namespace Jsms.Features.Incidents;

/// <summary>How exactly the sources date an incident (ACLED <c>time_precision</c>, GTD <c>approxdate</c>).</summary>
internal enum DatePrecision
{
    /// <summary>The day is known.</summary>
    Day,
    /// <summary>Approximate: within about a week of <see cref="Incident.OccurredOn"/> (or within the range to <see cref="Incident.OccurredUntil"/>).</summary>
    Week,
    /// <summary>Only the month is known; <see cref="Incident.OccurredOn"/> is its first day.</summary>
    Month,
    /// <summary>Only the year is known; <see cref="Incident.OccurredOn"/> is 1 January.</summary>
    Year,
}
