namespace Jsms.Features.Accounts;

/// <summary>
/// The <c>Jsms:SignIn</c> configuration section: how <see cref="SignInThrottle"/> slows password guessing
/// (docs/security.md, "Accounts and sign-in").
/// </summary>
internal sealed class SignInLimits
{
    public const string Section = "Jsms:SignIn";

    /// <summary>Failures of one account name from one address, within <see cref="WindowMinutes"/>, before that address must wait.</summary>
    public int FailuresPerAddressAndAccount { get; set; } = 5;

    /// <summary>Failures from one address over all account names, within <see cref="WindowMinutes"/>, before that address must wait.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    public int WindowMinutes { get; set; } = 15;

    /// <summary>Failures of one account name from all addresses in an hour before attempts from addresses it never signed in from are spaced out.</summary>
    public int FreeFailuresPerAccount { get; set; } = 10;

    /// <summary>The longest spacing between attempts at one account from unfamiliar addresses (it doubles per further failure up to this).</summary>
    public int MaxAccountDelaySeconds { get; set; } = 300;

    /// <summary>How long an address the account signed in from stays familiar (exempt from the account-wide spacing).</summary>
    public int KnownAddressDays { get; set; } = 90;
}
