namespace Jsms.Features.Screening;

internal sealed record EntryChange(string SourceId, string Name, string Change);
