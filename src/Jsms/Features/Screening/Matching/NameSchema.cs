namespace Jsms.Features.Screening.Matching;

/// <summary>What a name is of: decides which words are noise (legal forms for organisations, titles for persons).</summary>
internal enum NameSchema { Person, Entity, Any }
