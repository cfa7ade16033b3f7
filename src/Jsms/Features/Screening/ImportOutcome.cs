using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening;

internal sealed record ImportOutcome(Guid VersionId, ListSource Source, int Number, int EntryCount, int Added, int Removed, int Changed, bool Unchanged)
{
    /// <summary>The national list's name (null for UN and OFAC).</summary>
    public string? ListName { get; init; }

    /// <summary>The national list it is a version of (null for UN and OFAC).</summary>
    public Guid? NationalListId { get; init; }

    /// <summary>"UN version 4", "National list \"Fourth Schedule\" version 2".</summary>
    public string Label => ListName is null ? $"{Source} version {Number}" : $"{Source} list \"{ListName}\" version {Number}";
}
