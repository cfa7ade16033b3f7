namespace Jsms.Features.Accounts;

internal enum TotpChangeOutcome { Done, UnknownUser, AlreadyEnabled, NotEnabled, NoKey, InvalidCode }
