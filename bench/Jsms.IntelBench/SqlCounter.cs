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

    /// <summary>The page query (the SELECT from StixObjects) of the last request that carried <see cref="ExplainHeader"/>.</summary>
    public static (string Text, List<System.Data.Common.DbParameter> Parameters)? PageQuery { get; private set; }

    public const string ExplainHeader = "X-Bench-Explain";

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
            if (value.Value is CommandExecutedEventData executed && Http.HttpContext!.Request.Headers.ContainsKey(ExplainHeader)
                && executed.Command.CommandText.Contains("FROM \"StixObjects\"", StringComparison.Ordinal))
            {
                // Copies of the parameters (Npgsql's keep their provider type), to run the same statement under EXPLAIN.
                PageQuery = (executed.Command.CommandText, [.. executed.Command.Parameters.Cast<System.Data.Common.DbParameter>()
                    .Select(p => p is ICloneable c ? (System.Data.Common.DbParameter)c.Clone() : Copy(executed.Command, p))]);
            }
            if (Trace && value.Value is CommandExecutedEventData data)
            {
                Console.WriteLine($"  SQL {data.Duration.TotalMilliseconds:N1} ms: {data.Command.CommandText.ReplaceLineEndings(" ")}");
            }
        }
    }

    private static System.Data.Common.DbParameter Copy(System.Data.Common.DbCommand command, System.Data.Common.DbParameter p)
    {
        var copy = command.CreateParameter();
        copy.ParameterName = p.ParameterName;
        copy.Value = p.Value;
        copy.DbType = p.DbType;
        return copy;
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
