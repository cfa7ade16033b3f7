namespace Jsms.Features.Operations;

/// <summary>
/// How the host authorities' answers make a decision (docs/operations.md): All must approve; a Quorum of N approvals;
/// AnyWithVeto: one approval suffices unless someone refuses (each authority holds a veto).
/// </summary>
internal enum DecisionRule { All, Quorum, AnyWithVeto }
