namespace Jsms.Features.Screening.Lists;

/// <summary>A national list with its current version (null before its first import).</summary>
internal sealed record NationalListDto(Guid Id, int Code, string Name, DateTime CreatedAt, string CreatedBy, Guid? CurrentVersionId, int? CurrentNumber,
    int? EntryCount, DateTime? ImportedAt, int Versions);
