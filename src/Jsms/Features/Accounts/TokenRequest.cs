using Jsms.Features.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Jsms.Platform;

namespace Jsms.Features.Accounts;

internal sealed record TokenRequest(string? Username, string? Password, string? Totp);
