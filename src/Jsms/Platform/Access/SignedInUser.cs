namespace Jsms.Platform.Access;

/// <summary>A signed-in user as loaded once per request: the principal's claims and the <see cref="Caller"/> come from it.</summary>
internal sealed record SignedInUser(Guid Id, string UserName, string DisplayName, Guid AgencyId, string AgencyCode, List<string> Roles);
