namespace Jsms.Features.Protection;

/// <summary>
/// The answer of <see cref="IForeignPersonnelConsentCheck.CheckAsync"/>: the positions naming nobody the caller may read,
/// and what the consents do not cover, by field; both empty when every person is covered.
/// </summary>
internal sealed record PartnerPersonnelCheck(List<string> Missing, Dictionary<string, string[]> Uncovered)
{
    public bool Covered => Missing.Count == 0 && Uncovered.Count == 0;
}
