namespace Jsms.Features.Screening.Lists;

internal enum ListSource { UN, OFAC }
