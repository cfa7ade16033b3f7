using Jsms.Features.Access;
using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Alerts;

internal enum AlertStatus { Open, Acknowledged, Resolved }
