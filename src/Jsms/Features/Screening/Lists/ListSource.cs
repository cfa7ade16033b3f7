namespace Jsms.Features.Screening.Lists;

/// <summary>The lists JSMS screens against: the UN and OFAC lists, and the agency's own national list loaded from a CSV.</summary>
internal enum ListSource { UN, OFAC, National }
