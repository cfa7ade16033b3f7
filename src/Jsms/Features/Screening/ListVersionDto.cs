using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening;

internal sealed record ListVersionDto(Guid Id, ListSource Source, int Number, DateTime ImportedAt, string ImportedBy, string FileNames,
    string FileHash, DateTime? PublishedAt, int EntryCount, int Added, int Removed, int Changed, bool Current);
