using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.IntelBench;

/// <summary>
/// Counts the SQL commands EF Core runs for a request that carries the <see cref="Header"/> header: EF Core's
/// DiagnosticListener reports each executed command on the request's own async flow, where the HTTP context is known.
/// </summary>
internal sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string Header = "X-Bench-Request";

    private static readonly ConcurrentDictionary<string, int> Counts = new();
    private static readonly HttpContextAccessor Http = new();

    /// <summary>Print each counted command with its duration (the bench's --trace).</summary>
    public static bool Trace { get; set; }

    public static void Start() => DiagnosticListener.AllListeners.Subscribe(new SqlCounter());

    /// <summary>The commands counted for the request and forgets it.</summary>
    public static int Take(string requestId) => Counts.TryRemove(requestId, out var count) ? count : 0;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name
            && Http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
        {
            Counts.AddOrUpdate(id, 1, (_, c) => c + 1);
            if (Trace && value.Value is CommandExecutedEventData data)
            {
                Console.WriteLine($"  SQL {data.Duration.TotalMilliseconds:N1} ms: {data.Command.CommandText.ReplaceLineEndings(" ")}");
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
