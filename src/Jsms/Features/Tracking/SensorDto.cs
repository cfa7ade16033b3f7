using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Tracking;

internal sealed record SensorDto(Guid Id, string Code, string Name, SensorKind Kind, double Latitude, double Longitude, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Sensor);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
