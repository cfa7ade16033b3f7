using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening;

internal sealed record ListVersionDto(Guid Id, ListSource Source, int Number, DateTime ImportedAt, string ImportedBy, string FileNames,
    string FileHash, DateTime? PublishedAt, int EntryCount, int Added, int Removed, int Changed, bool Current)
{
    /// <summary>The national list it is a version of, and that list's name (null for UN and OFAC).</summary>
    public Guid? NationalListId { get; init; }

    public string? ListName { get; init; }

    /// <summary>"UN", or "National: Fourth Schedule".</summary>
    public string Label => ListName is null ? Source.ToString() : $"{Source}: {ListName}";
}
