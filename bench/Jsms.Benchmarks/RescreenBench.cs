using System.Diagnostics;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Watchlists;
using Jsms.Platform;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jsms.Benchmarks;

/// <summary>
/// <c>rescreen [subjects]</c>: a fresh SQLite database with the demo and the UN and OFAC lists, a watchlist of N subjects
/// (default 100,000: given names and surnames of the non-listed names recombined, and one in 200 a UN-listed name), then the
/// rescreen every list import runs, timed twice: the first (every match new, alerts raised) and the next (nothing new).
/// Goal: under a minute for 100,000 subjects.
/// </summary>
internal static class RescreenBench
{
    public static async Task<int> RunAsync(string data, string projectDirectory, string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var folder = Path.Combine(Path.GetTempPath(), "jsms-rescreen-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var app = JsmsApp.Build([$"--Jsms:DataDirectory={folder}", "--Jsms:Database=sqlite", "--Jsms:Demo=true", "--Jsms:MigrateOnStart=true"],
                b => b.Logging.SetMinimumLevel(LogLevel.Warning));
            await using (app)
            {
                await JsmsApp.PrepareAsync(app.Services);
                var sanctions = Path.Combine(data, "sanctions");
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var importer = scope.ServiceProvider.GetRequiredService<ListImporter>();
                    await using var xml = File.OpenRead(Path.Combine(sanctions, "un-consolidated-2026-02-27.xml"));
                    await importer.ImportUnAsync(xml, "un.xml", "bench");
                    await using var sdn = File.OpenRead(Path.Combine(sanctions, "ofac-sdn-2021.csv"));
                    await using var alt = File.OpenRead(Path.Combine(sanctions, "ofac-alt-2021.csv"));
                    await using var add = File.OpenRead(Path.Combine(sanctions, "ofac-add-2021.csv"));
                    await importer.ImportOfacAsync(sdn, alt, add, "sdn, alt, add", "bench");
                }
                var listed = ScreeningBench.ReadLists(data).Un.Entries.Where(e => e.Kind == EntryKind.Person).Select(e => e.PrimaryName).ToList();
                await SeedAsync(app.Services, count, listed, Path.Combine(projectDirectory, "data", "non-listed-names.csv"));
                Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
                foreach (var run in new[] { "first rescreen (all matches new)", "second rescreen (nothing new)" })
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var rescreener = scope.ServiceProvider.GetRequiredService<WatchlistRescreener>();
                    var w = Stopwatch.StartNew();
                    var outcome = await rescreener.RescreenAsync(null, null, "bench");
                    Console.WriteLine($"{run}: {outcome.Subjects:N0} subjects, {outcome.Names:N0} distinct names, {outcome.Matches:N0} matches, "
                                      + $"{outcome.Alerts:N0} alerts in {w.Elapsed.TotalSeconds:0.0} s ({outcome.Subjects / w.Elapsed.TotalSeconds:N0} subjects/s)");
                }
                Console.WriteLine($"load average after: {LoadAverage()}");
            }
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file: the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task SeedAsync(IServiceProvider services, int count, List<string> listed, string namesFile)
    {
        var words = File.ReadLines(namesFile).Skip(1).Select(l => l.Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 2).ToList();
        var given = words.Select(p => p[0]).Distinct().ToArray();
        var family = words.Select(p => p[^1]).Distinct().ToArray();
        var random = new Random(23);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var owner = await db.Users.Where(u => u.UserName == "pk.coordinator").Select(u => new { u.Id, u.AgencyId }).FirstAsync();
        var watchlist = new Watchlist
        {
            Id = Guid.NewGuid(), Name = $"Bench: {count:N0} customers", CreatedAt = DateTime.UtcNow, OwnerAgencyId = owner.AgencyId,
            CreatedByUserId = owner.Id, Tlp = Tlp.AmberStrict,
        };
        db.Add(watchlist);
        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var w = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var name = i % 200 == 0 ? listed[random.Next(listed.Count)]
                : random.Next(3) == 0 ? $"{given[random.Next(given.Length)]} {given[random.Next(given.Length)]} {family[random.Next(family.Length)]}"
                : $"{given[random.Next(given.Length)]} {family[random.Next(family.Length)]}";
            var subject = new WatchSubject
            {
                Id = Guid.CreateVersion7(), WatchlistId = watchlist.Id, Category = SubjectCategory.Customer, Kind = EntryKind.Person, Name = name,
                BirthDate = random.Next(2) == 0 ? $"{1950 + random.Next(50)}" : null, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            subject.Fingerprint = subject.ComputeFingerprint();
            db.Add(subject);
            if (i % 5000 == 4999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"stored {count:N0} subjects in {w.Elapsed.TotalSeconds:0.0} s");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
