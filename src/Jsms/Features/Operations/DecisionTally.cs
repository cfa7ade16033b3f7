namespace Jsms.Features.Operations;

/// <summary>The answers of one round counted under a rule (<see cref="ConsentDecisions.Evaluate"/>).</summary>
internal sealed record DecisionTally(DecisionRule Rule, int QuorumN, int Authorities, int Approvals, int Refusals, int InformationRequests,
    IReadOnlyList<Guid> Pending, DecisionOutcome Outcome)
{
    /// <summary>"2 of 3 approved, no veto yet" and the like.</summary>
    public string Summary => Rule switch
    {
        _ when Outcome == DecisionOutcome.MoreInformationRequested => "more information requested; the requester must answer and resubmit",
        DecisionRule.All => $"{Approvals} of {Authorities} approved" + Tail("refusal"),
        DecisionRule.Quorum => $"{Approvals} of {QuorumN} approvals needed ({Authorities} authorities)" + Tail("refusal"),
        _ => $"{Approvals} of {Authorities} approved" + Tail("veto"),
    };

    private string Tail(string refusal) => Outcome switch
    {
        DecisionOutcome.Approved => ": approved",
        DecisionOutcome.Refused => Refusals > 0 ? $", {Refusals} {refusal}{(Refusals == 1 ? "" : "s")}: refused" : ": refused",
        _ => Refusals == 0 ? $", no {refusal} yet" : $", {Refusals} {refusal}{(Refusals == 1 ? "" : "s")}",
    };
}
