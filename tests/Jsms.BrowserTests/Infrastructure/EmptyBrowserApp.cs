using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.BrowserTests.Infrastructure;

/// <summary>
/// A browser over an app without the demo: one agency (XX-EMPTY) with a coordinator ("empty.coordinator") and a viewer
/// ("empty.viewer"), and no record at all, so every list is empty.
/// </summary>
public sealed class EmptyBrowserApp : IAsyncLifetime
{
    public const string Coordinator = "empty.coordinator";
    public const string Viewer = "empty.viewer";

    public BrowserApp Browser { get; } = new(new EmptyJsmsTestApp());

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await Browser.App.WithDb(async db =>
        {
            var state = new State { Id = Guid.NewGuid(), IsoCode = "XX", Name = "Example state" };
            db.Add(state);
            db.Add(new Agency { Id = Guid.NewGuid(), StateId = state.Id, Code = "XX-EMPTY", Name = "Agency with no records", Kind = AgencyKind.Police });
            await db.SaveChangesAsync();
        });
        await using var scope = Browser.App.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        foreach (var (username, role) in new[] { (Coordinator, JsmsRoles.Coordinator), (Viewer, JsmsRoles.Viewer) })
        {
            var (user, errors) = await users.AddAsync(new NewUser(username, username, "XX-EMPTY", [role], Features.Demo.DemoScenario.DemoPassword));
            if (user is null)
            {
                throw new InvalidOperationException($"{username}: " + string.Join("; ", errors.SelectMany(e => e.Value)));
            }
        }
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}
