namespace Jsms.Features.Consultations;

/// <summary>An agency taking part in a dialogue.</summary>
internal sealed class DialogueParty
{
    public Guid DialogueId { get; set; }
    public Guid AgencyId { get; set; }
}
