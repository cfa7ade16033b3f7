namespace Jsms.Platform.Access;

/// <summary>
/// A row that carries a copy of another record's marking so the access policy can run over it in SQL
/// (<see cref="DerivedInput"/>): not a record of its own, never shown, so it has no reads to audit.
/// </summary>
internal interface IMarkingCopy : IReleasable;
