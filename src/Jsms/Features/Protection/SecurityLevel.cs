namespace Jsms.Features.Protection;

internal enum SecurityLevel { Low, Medium, High, Critical }
