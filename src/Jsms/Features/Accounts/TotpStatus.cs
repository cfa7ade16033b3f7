using Jsms.Platform.Identity;
namespace Jsms.Features.Accounts;

internal sealed record TotpStatus(bool Enabled);
