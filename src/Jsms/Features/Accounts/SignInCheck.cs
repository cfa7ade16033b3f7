using Jsms.Platform.Identity;
namespace Jsms.Features.Accounts;

internal sealed record SignInCheck(SignInOutcome Outcome, User? User, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Success;
}
