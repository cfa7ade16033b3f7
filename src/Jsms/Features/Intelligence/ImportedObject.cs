namespace Jsms.Features.Intelligence;

/// <summary>A version an import stored, or found already stored ("already present").</summary>
internal sealed record ImportedObject(string Id, string Version, string Message);
