using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Tracking;

/// <summary>Sensors (plate readers and the like) under <c>/api/sensors</c>; the use cases are in <see cref="DeviceRegistry"/>, shared with the pages.</summary>
internal static class SensorEndpoints
{
    public static async Task<Ok<List<SensorDto>>> ListSensors(Caller caller, DeviceRegistry registry)
        => TypedResults.Ok(await registry.ListSensorsAsync(caller));

    public static async Task<Results<Ok<SensorDto>, NotFound>> GetSensor(Guid id, Caller caller, DeviceRegistry registry)
        => await registry.GetSensorAsync(caller, id) is { } sensor ? TypedResults.Ok(sensor) : TypedResults.NotFound();

    public static async Task<Results<Created<SensorDto>, ValidationProblem>> CreateSensor(SensorRequest request, Caller caller, DeviceRegistry registry)
        => ProtectionModule.Created(await registry.CreateSensorAsync(caller, request), s => $"/api/sensors/{s.Id}");

    public static async Task<Results<Ok<SensorDto>, NotFound, ValidationProblem>> UpdateSensor(Guid id, SensorRequest request, Caller caller,
        DeviceRegistry registry)
        => ProtectionModule.Ok(await registry.UpdateSensorAsync(caller, id, request));

    public static async Task<Results<NoContent, NotFound>> DeleteSensor(Guid id, Caller caller, DeviceRegistry registry)
        => await registry.DeleteSensorAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();
}
