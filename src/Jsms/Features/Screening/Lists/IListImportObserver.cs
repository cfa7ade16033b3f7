namespace Jsms.Features.Screening.Lists;

/// <summary>
/// Told after every list import that stored a new version (UN, OFAC or national), once the index holds it. The
/// watchlists' rescreen is one; an import identical to the current version tells nobody.
/// </summary>
internal interface IListImportObserver
{
    Task ListImportedAsync(ImportOutcome outcome, CancellationToken cancellationToken);
}
