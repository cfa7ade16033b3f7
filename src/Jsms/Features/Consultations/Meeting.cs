using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

internal sealed class Meeting : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public Guid DialogueId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Participants { get; set; } = "";
    public string Agenda { get; set; } = "";
    public string Minutes { get; set; } = "";

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
