using Jsms.Features.Access;
using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Tracking;

internal enum DeviceKind { VehicleTracker, PersonalTracker, Other }
