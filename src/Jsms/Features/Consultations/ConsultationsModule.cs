namespace Jsms.Features.Consultations;

public static class ConsultationsModule
{
    public static IServiceCollection AddConsultations(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app) => app;
}
