namespace Jsms.Features.Accounts;

/// <summary>A new authenticator key: <see cref="SharedKey"/> to type in, <see cref="AuthenticatorUri"/> for a QR code.</summary>
internal sealed record TotpSetupKey(string SharedKey, string AuthenticatorUri);
