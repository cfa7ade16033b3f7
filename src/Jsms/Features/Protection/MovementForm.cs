namespace Jsms.Features.Protection;

/// <summary>
/// The fields of the movement form (MovementEdit.cshtml). Lists are typed separated by commas; checkpoints one per
/// line as <c>name; latitude; longitude; expected time (UTC, optional)</c>; times are UTC.
/// </summary>
internal sealed class MovementForm
{
    public string? Name { get; set; }
    public string? Status { get; set; } = nameof(MovementStatus.Planned);
    public List<Guid> Principals { get; set; } = [];
    public string? Vehicles { get; set; }
    public string? Escort { get; set; }
    /// <summary>A partner's deployed people joining the escort, by their id on the host's consent.</summary>
    public List<Guid> PartnerPersonnel { get; set; } = [];
    public string? Route { get; set; }
    public double? CorridorMetres { get; set; } = 200;
    public string? Checkpoints { get; set; }
    public DateTime? DepartEarliest { get; set; }
    public DateTime? DepartLatest { get; set; }
    public DateTime? ArriveEarliest { get; set; }
    public DateTime? ArriveLatest { get; set; }

    /// <summary>The need-to-know list: usernames.</summary>
    public string? Recipients { get; set; }
}
