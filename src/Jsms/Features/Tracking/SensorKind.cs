namespace Jsms.Features.Tracking;

internal enum SensorKind { Anpr, Camera, Gate, Radar, Other }
