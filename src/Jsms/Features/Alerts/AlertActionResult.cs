using System.Linq.Expressions;
using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

/// <summary>The outcome of acting on an alert: the alert as the caller now reads it, or forbidden (readable, not the caller's to act on), or neither (not found).</summary>
internal sealed record AlertActionResult(AlertDto? Alert, bool Forbidden);
