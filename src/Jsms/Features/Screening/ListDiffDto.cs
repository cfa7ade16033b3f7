namespace Jsms.Features.Screening;

internal sealed record ListDiffDto(Guid From, Guid To, int Added, int Removed, int Changed, IReadOnlyList<EntryChange> Changes);
