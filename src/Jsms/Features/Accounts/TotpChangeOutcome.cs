using Jsms.Platform.Identity;
namespace Jsms.Features.Accounts;

internal enum TotpChangeOutcome { Done, UnknownUser, AlreadyEnabled, NotEnabled, NoKey, InvalidCode }
