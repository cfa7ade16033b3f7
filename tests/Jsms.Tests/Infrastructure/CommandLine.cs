using Jsms.Platform.Cli;
using Microsoft.Extensions.Configuration;

namespace Jsms.Tests.Infrastructure;

/// <summary>Runs the <c>jsms</c> command line in-process with standard output and error captured.</summary>
public static class CommandLine
{
    // Console.Out is process-wide: one command at a time.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        await Gate.WaitAsync();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(TextWriter.Synchronized(output));
            Console.SetError(TextWriter.Synchronized(error));
            var code = await JsmsCommandLine.RunAsync(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Gate.Release();
        }
    }

    /// <summary>The configuration flags that point a command at the test app's database.</summary>
    public static string[] DatabaseArguments(JsmsTestApp app)
    {
        var configuration = app.App.Configuration;
        var args = new List<string>
        {
            $"--Jsms:Database={configuration["Jsms:Database"]}",
            $"--Jsms:DataDirectory={configuration["Jsms:DataDirectory"]}",
        };
        if (configuration.GetConnectionString("Jsms") is { Length: > 0 } connectionString)
        {
            args.Add($"--ConnectionStrings:Jsms={connectionString}");
        }
        return [.. args];
    }
}
