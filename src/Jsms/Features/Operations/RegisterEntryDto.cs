namespace Jsms.Features.Operations;

/// <summary>One consent on the register: its team (personnel names, trackers with their last positions) and its live operations.</summary>
internal sealed record RegisterEntryDto(Guid ConsentId, string RequestingAgency, string Kind, string Purpose, string Status, DateTime EffectiveStart,
    DateTime EffectiveEnd, List<string> Personnel, List<RegisterTrackerDto> Trackers, List<JointOperationSummaryDto> Operations);
