using System.Diagnostics.CodeAnalysis;

// Request bodies in these tests are anonymous objects with literal arrays: read once per test, so hoisting each into a
// static field would only hide what is sent.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants",
    Target = "~N:Jsms.Tests.Equipment", Justification = "Literal request bodies read once per test.")]
