using Jsms.Features.Audit;
using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

internal sealed record RfiAddresseeDto(string Agency, string? AssignedTo, DateTime? AssignedAt, DateTime? AnsweredAt);
