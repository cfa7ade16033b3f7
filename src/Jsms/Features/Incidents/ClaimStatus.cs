namespace Jsms.Features.Incidents;

/// <summary>Whether a group claimed the attack (GTD <c>claimed</c>: 1, 0, -9).</summary>
internal enum ClaimStatus
{
    Unknown,
    Yes,
    No,
}
