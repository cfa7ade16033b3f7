namespace Jsms.Features.Incidents;

/// <summary>Longest texts of an incident, shared by the columns and the input checks.</summary>
internal static class IncidentLimits
{
    public const int Title = 300;
    public const int Summary = 8000;
    public const int PlaceName = 200;
    public const int GroupName = 200;
    public const int ClaimMode = 200;
    public const int StixId = 100;
    public const int SourceName = 300;
    public const int Url = 2000;
    public const int SourceEventId = 100;
    public const int Perpetrators = 10;
    public const int Sources = 50;
    public const int Links = 50;
}
