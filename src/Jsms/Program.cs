using Jsms.Platform.Cli;

// One executable: `jsms` (or `jsms serve`) runs the web application; other verbs are operator commands.
return await JsmsCommandLine.RunAsync(args);
