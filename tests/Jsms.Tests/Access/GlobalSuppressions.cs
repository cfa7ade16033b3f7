using System.Diagnostics.CodeAnalysis;

// The sweeps' request bodies are anonymous objects with literal arrays (ids, serial numbers, codes): each is sent once
// per test, so hoisting it into a static field would only hide what is sent.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants",
    Target = "~N:Jsms.Tests.Access", Justification = "Literal request bodies sent once per test.")]
