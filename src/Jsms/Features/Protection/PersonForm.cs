using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

/// <summary>The fields of the person form (Person.cshtml).</summary>
internal sealed class PersonForm
{
    public string? Name { get; set; }
    public string? Nationality { get; set; }
    public string? Employer { get; set; }
    public string? Project { get; set; }
    public string? PassportNumber { get; set; }
    public string? Phone { get; set; }
    public MarkingForm Marking { get; set; } = new();
}
