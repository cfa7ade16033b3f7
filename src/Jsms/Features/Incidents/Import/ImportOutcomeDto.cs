namespace Jsms.Features.Incidents;

/// <summary>
/// What an import did: the rows read, and by the data set's event id which events were added, updated (a new version) and
/// unchanged. When a row was refused, <see cref="Errors"/> lists every problem (line and column) and nothing was stored.
/// </summary>
internal sealed record ImportOutcomeDto(string Format, int Rows, bool Stored, IReadOnlyList<string> Added, IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged, IReadOnlyList<ImportRowError> Errors);
