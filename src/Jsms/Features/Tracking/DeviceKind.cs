namespace Jsms.Features.Tracking;

internal enum DeviceKind { VehicleTracker, PersonalTracker, Other }
