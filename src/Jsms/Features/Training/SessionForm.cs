namespace Jsms.Features.Training;

internal sealed class SessionForm
{
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Place { get; set; }
    public string? Facilitators { get; set; }
}
