using System.Diagnostics.CodeAnalysis;

// Like the consultation tests: request bodies are anonymous objects with literal arrays, read once per test.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants",
    Target = "~N:Jsms.Tests.Intelligence", Justification = "Literal request bodies read once per test.")]
