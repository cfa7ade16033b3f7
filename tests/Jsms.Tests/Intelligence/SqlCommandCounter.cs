using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// Records the SQL commands EF Core runs while serving a request that carries the <see cref="Header"/> header. EF Core's
/// DiagnosticListener reports each command on the request's own async flow, where the HTTP context is known, so
/// requests of other tests running at the same time are not counted.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string Header = "X-Test-Sql-Count";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Commands = new();
    private static readonly HttpContextAccessor Http = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new SqlCommandCounter()));

    private SqlCommandCounter()
    {
    }

    /// <summary>Starts listening (once per test process); returns the id to send in <see cref="Header"/>.</summary>
    public static string NewRequestId()
    {
        _ = Subscription.Value;
        return Guid.NewGuid().ToString("N");
    }

    /// <summary>The texts of the commands run for the request.</summary>
    public static IReadOnlyList<string> Take(string requestId)
        => Commands.TryRemove(requestId, out var texts) ? [.. texts] : [];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && Http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
        {
            Commands.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
