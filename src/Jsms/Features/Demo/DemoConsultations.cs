using Jsms.Platform.Database;

namespace Jsms.Features.Demo;

/// <summary>Dialogues, meetings and commitments drawn from the seed documents.</summary>
internal static class DemoConsultations
{
    public static Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken) => Task.CompletedTask;
}
