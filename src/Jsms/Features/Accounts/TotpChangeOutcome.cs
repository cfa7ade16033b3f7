using System.Text;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Identity;

namespace Jsms.Features.Accounts;

internal enum TotpChangeOutcome { Done, UnknownUser, AlreadyEnabled, NotEnabled, NoKey, InvalidCode }
