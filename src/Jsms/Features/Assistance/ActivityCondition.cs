namespace Jsms.Features.Assistance;

/// <summary>An IATI condition; <see cref="Type"/>: 1 policy, 2 performance, 3 fiduciary.</summary>
internal sealed class ActivityCondition
{
    public int? Type { get; set; }
    public string? Text { get; set; }
}
