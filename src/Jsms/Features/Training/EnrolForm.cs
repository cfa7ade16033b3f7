namespace Jsms.Features.Training;

internal sealed class EnrolForm
{
    public string? UserName { get; set; }
    public string? Name { get; set; }
    public string? Agency { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }
}
