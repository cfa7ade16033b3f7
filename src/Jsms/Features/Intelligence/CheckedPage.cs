namespace Jsms.Features.Intelligence;

/// <summary>Objects read and checked without the database (<see cref="StixObjectCheck.CheckPageAsync"/>), ready to be stored.</summary>
internal sealed record CheckedPage(int Total, List<StixCandidate> Candidates, List<RefusedObject> Failures);
