namespace Jsms.Features.Operations;

/// <summary>A participating agency and the forces it brings (text: units, numbers, roles).</summary>
internal sealed class OperationForce
{
    public Guid Id { get; set; }
    public Guid AgencyId { get; set; }
    public string Forces { get; set; } = "";
}
