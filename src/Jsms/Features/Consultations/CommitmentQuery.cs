using Jsms.Features.Audit;
using System.Globalization;
using Jsms.Features.Access;

namespace Jsms.Features.Consultations;

internal sealed record CommitmentQuery(Guid? Dialogue, string? Sector, string? Status, bool? Overdue);
