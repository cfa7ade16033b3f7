using Jsms.Platform.Identity;
namespace Jsms.Features.Accounts;

internal sealed record TotpCodeRequest(string? Code);
