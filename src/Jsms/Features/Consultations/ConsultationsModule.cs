using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Consultations;

/// <summary>
/// Dialogues, meetings, commitments with progress notes, the progress dashboard and the urgent channel,
/// under <c>/api/consultations</c>. The use cases live in <see cref="DialoguesService"/>, <see cref="MeetingsService"/>,
/// <see cref="CommitmentsService"/> and <see cref="UrgentChannel"/> (shared with the pages); the handlers here only turn outcomes into results.
/// <para>
/// Refusals: a record the caller may not read, or may not change, answers 404. A caller whose roles do not
/// include a writing role (a viewer) gets 403 on every endpoint that changes something, decided once by
/// <see cref="Api.MapWritesGroup"/>: the caller knows their own role, so this reveals nothing.
/// </para>
/// </summary>
internal static class ConsultationsModule
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddScoped<DialoguesService>();
        services.AddScoped<MeetingsService>();
        services.AddScoped<CommitmentsService>();
        services.AddScoped<UrgentChannel>();
        services.AddSingleton<UrgentChannelMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<UrgentChannelMonitor>());
        return services;
    }

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/consultations", "Consultations");
        group.MapGet("/dashboard", Dashboard);
        group.MapGet("/dialogues", ListDialogues);
        group.MapGet("/dialogues/{id:guid}", GetDialogue);
        group.MapGet("/meetings/{id:guid}", GetMeeting);
        group.MapGet("/commitments", ListCommitments);
        group.MapGet("/commitments/{id:guid}", GetCommitment);
        group.MapGet("/urgent", UrgentBox);
        group.MapGet("/urgent/{id:guid}", GetUrgent);

        var writes = group.MapWritesGroup();
        writes.MapPost("/dialogues", CreateDialogue);
        writes.MapPut("/dialogues/{id:guid}", UpdateDialogue);
        writes.MapPost("/dialogues/{id:guid}/meetings", CreateMeeting);
        writes.MapPut("/meetings/{id:guid}/minutes", UpdateMinutes);
        writes.MapPost("/dialogues/{id:guid}/commitments", CreateCommitment);
        writes.MapPatch("/commitments/{id:guid}", UpdateCommitment);
        writes.MapPost("/commitments/{id:guid}/notes", AddProgressNote);
        writes.MapPost("/urgent", SendUrgent);
        writes.MapPost("/urgent/{id:guid}/acknowledge", AcknowledgeUrgent);
        return app;
    }


    /// <summary>Overdue commitments first (most overdue on top), then progress by dialogue and by sector.</summary>
    public static async Task<Ok<DashboardDto>> Dashboard(Caller caller, CommitmentsService commitments)
        => TypedResults.Ok(await commitments.DashboardAsync(caller));

    public static async Task<Ok<List<DialogueDto>>> ListDialogues(Caller caller, DialoguesService dialogues)
        => TypedResults.Ok(await dialogues.ListDialoguesAsync(caller));

    /// <summary>The dialogue with the meetings and commitments the caller may read.</summary>
    public static async Task<Results<Ok<DialogueDto>, NotFound>> GetDialogue(Guid id, Caller caller, DialoguesService dialogues)
        => await dialogues.GetDialogueAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    public static async Task<Results<Created<DialogueDto>, NotFound, ValidationProblem>> CreateDialogue(
        CreateDialogueRequest request, Caller caller, DialoguesService dialogues)
        => Created(await dialogues.CreateDialogueAsync(caller, request), d => $"/api/consultations/dialogues/{d.Id}");

    public static async Task<Results<Ok<DialogueDto>, NotFound, ValidationProblem>> UpdateDialogue(
        Guid id, UpdateDialogueRequest request, Caller caller, DialoguesService dialogues)
        => Ok(await dialogues.UpdateDialogueAsync(caller, id, request));

    public static async Task<Results<Ok<MeetingDto>, NotFound>> GetMeeting(Guid id, Caller caller, MeetingsService meetings)
        => await meetings.GetMeetingAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>A meeting of a dialogue the caller may read; without a marking it inherits the dialogue's audience.</summary>
    public static async Task<Results<Created<MeetingDto>, NotFound, ValidationProblem>> CreateMeeting(
        Guid id, CreateMeetingRequest request, Caller caller, MeetingsService meetings)
        => Created(await meetings.CreateMeetingAsync(caller, id, request), m => $"/api/consultations/meetings/{m.Id}");

    public static async Task<Results<Ok<MeetingDto>, NotFound, ValidationProblem>> UpdateMinutes(
        Guid id, UpdateMinutesRequest request, Caller caller, MeetingsService meetings)
        => Ok(await meetings.UpdateMinutesAsync(caller, id, request));

    /// <summary>Commitments the caller may read, filtered by dialogue, sector, status and overdue; overdue first.</summary>
    public static async Task<Results<Ok<List<CommitmentDto>>, ValidationProblem>> ListCommitments(
        [AsParameters] CommitmentQuery query, Caller caller, CommitmentsService commitments)
    {
        var outcome = await commitments.ListCommitmentsAsync(caller, query);
        return outcome.Value is { } list ? TypedResults.Ok(list) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    public static async Task<Results<Ok<CommitmentDto>, NotFound>> GetCommitment(Guid id, Caller caller, CommitmentsService commitments)
        => await commitments.GetCommitmentAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>A commitment agreed in a dialogue the caller may read; without a marking it inherits the dialogue's audience.</summary>
    public static async Task<Results<Created<CommitmentDto>, NotFound, ValidationProblem>> CreateCommitment(
        Guid id, CreateCommitmentRequest request, Caller caller, CommitmentsService commitments)
        => Created(await commitments.CreateCommitmentAsync(caller, id, request), c => $"/api/consultations/commitments/{c.Id}");

    /// <summary>Changes status, percentage complete or due date of a commitment of the caller's agency.</summary>
    public static async Task<Results<Ok<CommitmentDto>, NotFound, ValidationProblem>> UpdateCommitment(
        Guid id, UpdateCommitmentRequest request, Caller caller, CommitmentsService commitments)
        => Ok(await commitments.UpdateCommitmentAsync(caller, id, request));

    public static async Task<Results<Ok<CommitmentDto>, NotFound, ValidationProblem>> AddProgressNote(
        Guid id, AddProgressNoteRequest request, Caller caller, CommitmentsService commitments)
        => Ok(await commitments.AddProgressNoteAsync(caller, id, request));

    /// <summary>Inbox (messages to the caller's agency) and outbox (from it). Each message returned is an audited read.</summary>
    public static async Task<Ok<UrgentBoxDto>> UrgentBox(Caller caller, UrgentChannel channel)
        => TypedResults.Ok(await channel.BoxAsync(caller));

    public static async Task<Results<Ok<UrgentMessageDto>, NotFound>> GetUrgent(Guid id, Caller caller, UrgentChannel channel)
        => await channel.GetAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>Sends a message that the recipient agency must acknowledge in the given minutes (default marking TLP:AMBER, always released to the recipient).</summary>
    public static async Task<Results<Created<UrgentMessageDto>, NotFound, ValidationProblem>> SendUrgent(
        SendUrgentRequest request, Caller caller, UrgentChannel channel)
        => Created(await channel.SendAsync(caller, request), m => $"/api/consultations/urgent/{m.Id}");

    /// <summary>Acknowledges a message addressed to the caller's agency, with an optional reply; 409 if it was acknowledged already.</summary>
    public static async Task<Results<Ok<UrgentMessageDto>, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeUrgent(
        Guid id, AcknowledgeUrgentRequest? request, Caller caller, UrgentChannel channel)
    {
        var outcome = await channel.AcknowledgeAsync(caller, id, request ?? new AcknowledgeUrgentRequest(null));
        if (outcome.Conflict is { } why)
        {
            return TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Already acknowledged");
        }
        return outcome switch
        {
            { Value: { } value } => TypedResults.Ok(value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };
    }

    private static Results<Ok<T>, NotFound, ValidationProblem> Ok<T>(Outcome<T> outcome) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };

    private static Results<Created<T>, NotFound, ValidationProblem> Created<T>(Outcome<T> outcome, Func<T, string> location) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Created(location(value), value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };
}
