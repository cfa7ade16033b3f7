namespace Jsms.Features.Incidents;

/// <summary>The classes the casualties of an incident are counted by, as monthly security reports split them.</summary>
internal enum VictimClass
{
    SecurityForces,
    Civilians,
    ForeignNationals,
    /// <summary>The attackers themselves (GTD <c>nkillter</c>).</summary>
    Perpetrators,
    Unknown,
}
