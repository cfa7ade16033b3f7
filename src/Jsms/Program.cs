// One executable: `jsms` (or `jsms serve`) runs the web application; other verbs are operator commands.
return await Jsms.JsmsCommandLine.RunAsync(args);
