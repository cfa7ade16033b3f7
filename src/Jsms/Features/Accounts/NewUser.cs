using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Accounts;

internal sealed record NewUser(string Username, string DisplayName, string AgencyCode, IReadOnlyList<string> Roles, string Password);
