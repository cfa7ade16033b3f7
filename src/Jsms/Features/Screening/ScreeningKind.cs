namespace Jsms.Features.Screening;

internal enum ScreeningKind { Name, Batch }
