using System.Text.Json.Serialization;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Intelligence;

/// <summary>One readable version of a STIX object; <paramref name="RowId"/> (the stored version's key) names it in the audit log.</summary>
internal sealed record StixVersionDto(string Version, string Tlp, DateTime DateAdded, bool Revoked, System.Text.Json.JsonElement Content,
    [property: JsonIgnore] Guid RowId = default) : IAuditedRead
{
    Guid IAuditedRead.Id => RowId;

    string IAuditedRead.RecordType => nameof(StixObjectVersion);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Tlp);
}
