using Jsms.Benchmarks;

return await ScreeningBench.RunAsync(args);
