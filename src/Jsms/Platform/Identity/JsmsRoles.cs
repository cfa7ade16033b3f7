namespace Jsms.Platform.Identity;

internal static class JsmsRoles
{
    public const string Administrator = "administrator";
    public const string Coordinator = "coordinator";
    public const string Analyst = "analyst";
    public const string LiaisonOfficer = "liaison";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator, Analyst, LiaisonOfficer, Viewer];

    /// <summary>Roles that may create and change records of their own agency.</summary>
    public static IReadOnlySet<string> Writers { get; } = new HashSet<string>(StringComparer.Ordinal)
        { Administrator, Coordinator, Analyst, LiaisonOfficer };
}
