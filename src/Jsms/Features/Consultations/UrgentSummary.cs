using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Consultations;

internal sealed record UrgentSummary(Guid Id, string From, string Subject, DateTime SentAt, DateTime AcknowledgeBy);
