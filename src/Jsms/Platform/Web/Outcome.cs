namespace Jsms.Platform.Web;

/// <summary>The outcome of a change: the value, the validation errors, or not found (the caller may not see or change the record).</summary>
internal sealed class Outcome<T> where T : class
{
    internal Outcome(T? value, Dictionary<string, string[]>? errors, string? conflict = null)
        => (Value, Errors, Conflict) = (value, errors, conflict);

    public T? Value { get; }

    public Dictionary<string, string[]>? Errors { get; }

    /// <summary>Why the change cannot be made in the record's present state (409).</summary>
    public string? Conflict { get; }

    public bool IsNotFound => Value is null && Errors is null && Conflict is null;
}

internal static class Outcome
{
    public static Outcome<T> Ok<T>(T value) where T : class => new(value, null);

    public static Outcome<T> Invalid<T>(Dictionary<string, string[]> errors) where T : class => new(null, errors);

    public static Outcome<T> InConflict<T>(string why) where T : class => new(null, null, why);

    public static Outcome<T> NotFound<T>() where T : class => new(null, null);
}
