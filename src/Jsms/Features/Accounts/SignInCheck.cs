using System.Security.Claims;
using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Accounts;

internal sealed record SignInCheck(SignInOutcome Outcome, User? User, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Success;
}
