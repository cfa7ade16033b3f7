using System.Security.Claims;
using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Accounts;

internal enum SignInOutcome { Success, InvalidCredentials, LockedOut, Disabled, TotpRequired, InvalidTotp, Throttled }
