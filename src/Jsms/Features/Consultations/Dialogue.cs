using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

/// <summary>A standing consultation between partners, e.g. a foreign-minister-level mechanism or a counter-terrorism dialogue.</summary>
internal sealed class Dialogue : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The level or format, e.g. "Foreign-minister consultation".</summary>
    public string Format { get; set; } = "";
    public string? Description { get; set; }
    public Guid? PartnershipId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<DialogueParty> Parties { get; set; } = [];

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
