namespace Jsms.Features.Incidents;

/// <summary>
/// <see cref="Shared"/> incidents went into the collection as <see cref="StixObjects"/> STIX objects (incidents, groups,
/// places, relationships, new or changed); <see cref="KeptHere"/> stayed on this node (RED, or with named recipients); <see cref="Refused"/> objects the collection refused (see the import report).
/// </summary>
internal sealed record ShareOutcomeDto(int Shared, int KeptHere, int StixObjects, int Refused);
