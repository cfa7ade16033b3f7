using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Protection;

internal sealed record SiteDto(Guid Id, string Name, string? Project, JsonElement Perimeter, double WatchDistanceMetres,
    int LoiteringThresholdMinutes, SecurityLevel SecurityLevel, string? Contacts, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Site);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
