namespace Jsms.Features.Intelligence;

/// <summary>What an import did: every accepted version and every refused object with its reason.</summary>
internal sealed record ImportReport(int Total, int Accepted, int Refused, IReadOnlyList<ImportedObject> Successes, IReadOnlyList<RefusedObject> Failures);
