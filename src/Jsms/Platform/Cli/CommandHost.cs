using System.CommandLine;

namespace Jsms.Platform.Cli;

/// <summary>The application's services without the web server, for one command, named "cli:USER" in the audit log.</summary>
internal sealed class CommandHost(WebApplication app) : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = app.Services.CreateAsyncScope();

    public IServiceProvider Services => _scope.ServiceProvider;

    public static CommandHost Create(ParseResult result)
        => new(JsmsApp.BuildForCommand([.. result.UnmatchedTokens], $"cli:{Environment.UserName}"));

    /// <summary>
    /// A command host on a database ready for use: an empty database gets the schema (as <c>serve</c>
    /// would), and the roles exist. Null (after saying why) when the database needs <c>jsms migrate</c>.
    /// </summary>
    public static async Task<CommandHost?> PreparedAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var host = Create(result);
        try
        {
            await JsmsApp.PrepareSchemaAsync(host.Services, cancellationToken);
            return host;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await host.DisposeAsync();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await app.DisposeAsync();
    }
}
