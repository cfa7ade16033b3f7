using System.Text.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Audit;

internal sealed record AuditQuery(string? User, Guid? RecordId, string? Action, DateTime? From, DateTime? To, long? Before, int? Limit);
