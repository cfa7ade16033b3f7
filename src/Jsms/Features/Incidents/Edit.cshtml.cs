using System.Globalization;
using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Incidents;

/// <summary>
/// Creates or edits an incident through <see cref="IncidentsService"/> (the API's checks): the place is picked on the map
/// (wwwroot/js/incident-map.js fills latitude and longitude) or typed; the version read is posted back, so a change made
/// meanwhile by someone else is refused rather than overwritten.
/// </summary>
internal sealed class IncidentEditModel(IncidentsService incidents, JsmsDbContext db, IStringLocalizer<SharedResource> text)
    : RecordFormPage<IncidentDetailDto, IncidentForm>(text)
{
    protected override string FormName => "incident";

    protected override string ListPath => "/Incidents";

    protected override async Task<IncidentDetailDto?> FindAsync(Guid id)
        => await incidents.GetAsync(Me, id) is { DeletedAt: null } incident ? incident : null;

    protected override async Task<Outcome<IncidentDetailDto>> SaveAsync(Guid? id, IncidentForm form)
    {
        var errors = new Dictionary<string, string[]>();
        var request = form.ToRequest(errors);
        var outcome = id is { } existing ? await incidents.UpdateAsync(Me, existing, request) : await incidents.CreateAsync(Me, request);
        if (outcome.Conflict is { } why)
        {
            return Outcome.Invalid<IncidentDetailDto>(new() { ["expectedVersion"] = [why] });
        }
        if (outcome.Errors is { } all)
        {
            // A text the form could not read reaches the service as nothing; say why beside its field.
            Validate.Merge(all, errors);
        }
        return outcome;
    }

    /// <summary>
    /// "Create an incident from this alert" (<c>?alert=ID</c>) starts from the alert's title, day, place and site, linked to
    /// it; an alert the caller may not read fills nothing.
    /// </summary>
    protected override async Task<IncidentForm> NewFormAsync()
    {
        var form = new IncidentForm();
        if (!Guid.TryParse(Request.Query["alert"], out var alertId))
        {
            return form;
        }
        var alert = await db.Readable<Alert>(Me).AsNoTracking().Where(a => a.Id == alertId)
            .Select(a => new { a.Title, a.RaisedAt, a.Latitude, a.Longitude, a.SiteId }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (alert is null)
        {
            return form;
        }
        form.Title = alert.Title;
        form.OccurredOn = alert.RaisedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        form.Latitude = alert.Latitude?.ToString("0.#####", CultureInfo.InvariantCulture);
        form.Longitude = alert.Longitude?.ToString("0.#####", CultureInfo.InvariantCulture);
        form.SiteIds = alert.SiteId?.ToString();
        form.AlertIds = alertId.ToString();
        return form;
    }

    protected override Task<bool> DeleteAsync(Guid id) => incidents.DeleteAsync(Me, id);

    protected override IncidentForm FormOf(IncidentDetailDto incident) => IncidentForm.Of(incident);

    protected override MarkingDto MarkingOf(IncidentDetailDto incident) => incident.Marking;

    protected override string NameOf(IncidentDetailDto incident) => incident.Title;

    protected override string AfterSave(IncidentDetailDto saved) => $"/Incidents/Incident/{saved.Id}";
}
