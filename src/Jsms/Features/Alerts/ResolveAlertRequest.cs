using System.Linq.Expressions;
using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

internal sealed record ResolveAlertRequest(string? Note);
