namespace Jsms.Features.Incidents;

/// <summary>
/// What an import did: the rows read, and which events were added, updated (a new version) and unchanged, each with its
/// line and the incident that holds it. When a row was refused, <see cref="Errors"/> lists every problem (line and
/// column) and nothing was stored.
/// </summary>
internal sealed record ImportOutcomeDto(string Format, int Rows, bool Stored, IReadOnlyList<ImportedEventDto> Added, IReadOnlyList<ImportedEventDto> Updated,
    IReadOnlyList<ImportedEventDto> Unchanged, IReadOnlyList<ImportRowError> Errors);
