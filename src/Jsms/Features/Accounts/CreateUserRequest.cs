using Jsms.Features.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Accounts;

internal sealed record CreateUserRequest(string? Username, string? DisplayName, string? Agency, string[]? Roles, string? Password);
