using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

/// <summary>
/// A movement is need-to-know: its marking's recipients are its named list; the level is always RED.
/// <see cref="PartnerPersonnel"/> names a partner's deployed people by their id on the host's consent.
/// </summary>
internal sealed record MovementRequest(string? Name, string? Status, Guid[]? Principals, string[]? Vehicles, string[]? Escort,
    JsonElement? Route, double? CorridorMetres, CheckpointDto[]? Checkpoints,
    DateTime? DepartEarliest, DateTime? DepartLatest, DateTime? ArriveEarliest, DateTime? ArriveLatest, MarkingInput? Marking,
    Guid[]? PartnerPersonnel = null);
