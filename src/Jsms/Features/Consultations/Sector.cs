namespace Jsms.Features.Consultations;

internal enum Sector
{
    Security,
    CounterTerrorism,
    TerroristFinancing,
    Intelligence,
    Military,
    Maritime,
    Border,
    Cyber,
    Justice,
    Trade,
    Energy,
    Health,
    Other,
}
