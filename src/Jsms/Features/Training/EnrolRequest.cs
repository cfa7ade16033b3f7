namespace Jsms.Features.Training;

/// <summary>Either <see cref="UserName"/> (a JSMS user) or <see cref="Name"/> and <see cref="Agency"/> (a person without an account).</summary>
internal sealed record EnrolRequest(string? UserName, string? Name, string? Agency, string? Email, string? Role, string? Status);
