using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

/// <summary>The fields of the site form (Site.cshtml); the perimeter is GeoJSON text, drawn on the map or pasted.</summary>
internal sealed class SiteForm
{
    public string? Name { get; set; }
    public string? Project { get; set; }
    public string? Perimeter { get; set; }
    public double? WatchDistanceMetres { get; set; } = 500;
    public int? LoiteringThresholdMinutes { get; set; } = 30;
    public string? SecurityLevel { get; set; } = nameof(Protection.SecurityLevel.Medium);
    public string? Contacts { get; set; }
    public MarkingForm Marking { get; set; } = new();
}
