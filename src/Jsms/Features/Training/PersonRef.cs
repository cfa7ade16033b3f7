namespace Jsms.Features.Training;

/// <summary>A person as another module names them: a user id, or a name with an agency code.</summary>
internal sealed record PersonRef(Guid? UserId, string? Name, string? Agency);
