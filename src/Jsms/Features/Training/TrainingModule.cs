using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Training;

/// <summary>
/// Courses, sessions, enrolments with results and certificates, a person's training record, expiring certificates and
/// training currency, under <c>/api/training</c>. A course is a releasable record of its provider agency; sessions and
/// enrolments are read with it and changed only by its writers. A record the caller may not read answers 404.
/// </summary>
internal static class TrainingModule
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section);
        services.AddScoped<TrainingService>();
        services.AddScoped<TrainingCurrency>();
        services.AddSingleton<CertificateExpiryMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<CertificateExpiryMonitor>());
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/training", "Training");
        group.MapGet("/courses", ListCourses);
        group.MapGet("/courses/{id:guid}", GetCourse);
        group.MapGet("/sessions/{id:guid}", GetSession);
        group.MapGet("/people/{userId:guid}", PersonRecord);
        group.MapGet("/people", PersonRecordByName);
        group.MapGet("/certificates/expiring", Expiring);
        group.MapPost("/currency", Currency);

        var writes = group.MapWritesGroup();
        writes.MapPost("/courses", CreateCourse);
        writes.MapPost("/courses/{id:guid}/sessions", CreateSession);
        writes.MapPost("/sessions/{id:guid}/enrolments", Enrol);
        writes.MapPatch("/enrolments/{id:guid}", RecordResult);
        return app;
    }

    public static async Task<Ok<List<CourseDto>>> ListCourses(Caller caller, TrainingService training)
        => TypedResults.Ok(await training.ListCoursesAsync(caller));

    /// <summary>The course with its sessions.</summary>
    public static async Task<Results<Ok<CourseDto>, NotFound>> GetCourse(Guid id, Caller caller, TrainingService training)
        => await training.GetCourseAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    public static async Task<Results<Created<CourseDto>, NotFound, ValidationProblem>> CreateCourse(CreateCourseRequest request, Caller caller, TrainingService training)
        => Created(await training.CreateCourseAsync(caller, request), c => $"/api/training/courses/{c.Id}");

    public static async Task<Results<Created<SessionDto>, NotFound, ValidationProblem>> CreateSession(Guid id, CreateSessionRequest request, Caller caller, TrainingService training)
        => Created(await training.CreateSessionAsync(caller, id, request), s => $"/api/training/sessions/{s.Id}");

    /// <summary>The session with its enrolments and results.</summary>
    public static async Task<Results<Ok<SessionDto>, NotFound>> GetSession(Guid id, Caller caller, TrainingService training)
        => await training.GetSessionAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>Enrols a JSMS user (userName) or a person without an account (name, agency, email).</summary>
    public static async Task<Results<Created<EnrolmentDto>, NotFound, ValidationProblem>> Enrol(Guid id, EnrolRequest request, Caller caller, TrainingService training)
        => Created(await training.EnrolAsync(caller, id, request), e => $"/api/training/sessions/{e.SessionId}");

    /// <summary>Records status, hours, grade and pass/fail; completed and passed issues the certificate.</summary>
    public static async Task<Results<Ok<EnrolmentDto>, NotFound, ValidationProblem>> RecordResult(Guid id, RecordResultRequest request, Caller caller, TrainingService training)
        => await training.RecordResultAsync(caller, id, request) switch
        {
            { Value: { } value } => TypedResults.Ok(value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    /// <summary>A user's training record: enrolments, results and certificates in the courses the caller may read.</summary>
    public static async Task<Ok<List<EnrolmentDto>>> PersonRecord(Guid userId, Caller caller, TrainingService training)
        => TypedResults.Ok(await training.PersonRecordAsync(caller, userId));

    /// <summary>A person's training record by name and agency code (for people without an account too).</summary>
    public static async Task<Results<Ok<List<EnrolmentDto>>, ValidationProblem>> PersonRecordByName(string? name, string? agency, Caller caller, TrainingService training)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["Give the person's name."];
        }
        if (string.IsNullOrWhiteSpace(agency))
        {
            errors["agency"] = ["Give the person's agency code."];
        }
        if (errors.Count == 0 && await training.PersonRecordAsync(caller, name!, agency!) is { } record)
        {
            return TypedResults.Ok(record);
        }
        errors.TryAdd("agency", [$"Unknown agency code '{agency}'."]);
        return TypedResults.ValidationProblem(errors);
    }

    /// <summary>Certificates expiring from today to <c>within</c> ahead (e.g. <c>60d</c>, <c>8w</c>; default the warning window).</summary>
    public static async Task<Results<Ok<List<EnrolmentDto>>, ValidationProblem>> Expiring(string? within, Caller caller, TrainingService training)
    {
        var days = training.WarnDays;
        if (within is not null && !TrainingValues.TryParseWithin(within, out days))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["within"] = [$"'{within}' is not a period: write days such as 60d (or 8w), from 1 day to 10 years."],
            });
        }
        return TypedResults.Ok(await training.ExpiringAsync(caller, days));
    }

    /// <summary>Each person's training and vetting currency on a date (default today): expired and expiring certificates.</summary>
    public static async Task<Results<Ok<List<PersonCurrency>>, ValidationProblem>> Currency(CurrencyRequest request, Caller caller, TrainingService training, TrainingCurrency currency)
    {
        var errors = new Dictionary<string, string[]>();
        var people = request.People ?? [];
        if (people.Length is 0 or > 200)
        {
            errors["people"] = ["Give 1 to 200 people (userId, or name and agency)."];
        }
        var on = training.Today;
        if (request.On is not null && !TrainingValues.TryParseDate(request.On, out on))
        {
            errors["on"] = [$"'{request.On}' is not a date: write yyyy-MM-dd."];
        }
        if (request.WarnDays is < 0 or > 3660)
        {
            errors["warnDays"] = ["The warning window is 0 to 3660 days."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await currency.OfAsync(caller, people, on, request.WarnDays));
    }

    private static Results<Created<T>, NotFound, ValidationProblem> Created<T>(Outcome<T> outcome, Func<T, string> location) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Created(location(value), value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };
}
