namespace Jsms.Features.Operations;

/// <summary>A partner's person assigned to the operation, named by their id on the consent's personnel (<see cref="DeployedPerson.Id"/>).</summary>
internal sealed class OperationPerson
{
    public Guid PersonId { get; set; }
    public string Name { get; set; } = "";
    public string? Task { get; set; }
}
