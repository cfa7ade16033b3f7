using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Tracking;

/// <summary>Devices (trackers) under <c>/api/devices</c>; the use cases are in <see cref="DeviceRegistry"/>, shared with the pages.</summary>
internal static class DeviceEndpoints
{
    public static async Task<Ok<List<DeviceDto>>> ListDevices(Caller caller, DeviceRegistry registry)
        => TypedResults.Ok(await registry.ListDevicesAsync(caller));

    public static async Task<Results<Ok<DeviceDto>, NotFound>> GetDevice(Guid id, Caller caller, DeviceRegistry registry)
        => await registry.GetDeviceAsync(caller, id) is { } device ? TypedResults.Ok(device) : TypedResults.NotFound();

    public static async Task<Results<Created<DeviceDto>, ValidationProblem>> CreateDevice(DeviceRequest request, Caller caller, DeviceRegistry registry)
        => ProtectionModule.Created(await registry.CreateDeviceAsync(caller, request), d => $"/api/devices/{d.Id}");

    public static async Task<Results<Ok<DeviceDto>, NotFound, ValidationProblem>> UpdateDevice(Guid id, DeviceRequest request, Caller caller,
        DeviceRegistry registry)
        => ProtectionModule.Ok(await registry.UpdateDeviceAsync(caller, id, request));

    public static async Task<Results<NoContent, NotFound>> DeleteDevice(Guid id, Caller caller, DeviceRegistry registry)
        => await registry.DeleteDeviceAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<DeviceSecretDto>, NotFound, ValidationProblem>> SetDeviceSecret(Guid id, DeviceSecretRequest? request, Caller caller,
        DeviceRegistry registry)
        => ProtectionModule.Ok(await registry.SetSecretAsync(caller, id, request));

    public static async Task<Results<NoContent, NotFound>> ClearDeviceSecret(Guid id, Caller caller, DeviceRegistry registry)
        => await registry.ClearSecretAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<DeviceDto>, NotFound, ValidationProblem>> BindDeviceCertificate(Guid id, DeviceCertificateRequest request,
        Caller caller, DeviceRegistry registry)
        => request.Thumbprint is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["thumbprint"] = ["Required: the certificate's SHA-256 thumbprint."] })
            : ProtectionModule.Ok(await registry.BindCertificateAsync(caller, id, request.Thumbprint));

    public static async Task<Results<Ok<DeviceDto>, NotFound, ValidationProblem>> UnbindDeviceCertificate(Guid id, Caller caller, DeviceRegistry registry)
        => ProtectionModule.Ok(await registry.BindCertificateAsync(caller, id, null));
}
