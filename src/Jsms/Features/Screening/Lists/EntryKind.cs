namespace Jsms.Features.Screening.Lists;

internal enum EntryKind { Person, Entity, Vessel, Aircraft }
