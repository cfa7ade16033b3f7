namespace Jsms.Features.Operations;

/// <summary>
/// A member of the personnel a request names (and a consent admits). Owned by its request or consent; <see cref="Id"/>
/// is kept from the request to the consent so a decision's personnel subset names people by it.
/// The passport number is ciphertext (Data Protection, <see cref="PassportNumbers"/>), never the plain number.
/// </summary>
internal sealed class DeployedPerson
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Rank { get; set; }
    public string? Role { get; set; }
    /// <summary>Ciphertext (Data Protection); never the plain number.</summary>
    public string? PassportNumberProtected { get; set; }
    public DateOnly? TrainedOn { get; set; }
    public DateOnly? VettedOn { get; set; }
    /// <summary>The person's JSMS account, when they have one.</summary>
    public Guid? UserId { get; set; }
}
