namespace Jsms.Features.Operations;

/// <summary>An operation's outcome: incidents to link (ids of the incidents module), arrests, items seized, notes. Null leaves a field as it is.</summary>
internal sealed record OperationResultInput(List<Guid>? IncidentIds, int? Arrests, string? ItemsSeized, string? Notes);
