using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WaaS.ServiceDefaults.Http;

namespace WaaS.ServiceDefaults.Time;

/// <summary>Moves a test clock: <c>advanceBy</c> adds to the offset, <c>offset</c> sets it.</summary>
public sealed record ClockChange(TimeSpan? AdvanceBy, TimeSpan? Offset);

/// <summary>Where a test clock stands.</summary>
public sealed record ClockReading(DateTimeOffset Now, TimeSpan Offset);

/// <summary>
/// The test clock exists only when <c>WAAS_TEST_CLOCK=1</c>: then the service's <see cref="TimeProvider"/> is an
/// <see cref="AdjustableClock"/> and <c>/test/clock</c> is mapped. Production hosts never see either.
/// </summary>
public static class TestClockEndpoints
{
    private const string Switch = "WAAS_TEST_CLOCK";

    internal static bool IsEnabled(IConfiguration configuration) => configuration[Switch] == "1";

    internal static void AddTestClock(this IHostApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            var clock = new AdjustableClock();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
    }

    internal static void MapTestClock(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        var group = app.MapGroup("/test/clock").WithTags("Test clock");
        Security.Access.For(group, Security.Party.Operations);
        group.MapGet("/", (AdjustableClock clock) => TypedResults.Ok(new ClockReading(clock.GetUtcNow(), clock.Offset)));
        group.MapPost("/", Results<Ok<ClockReading>, ProblemHttpResult> (ClockChange change, AdjustableClock clock) =>
        {
            if (change.AdvanceBy is { } by)
            {
                if (by < TimeSpan.Zero)
                {
                    return Problems.Invalid("advanceBy", "Forward", "The clock only moves forward.");
                }
                clock.Advance(by);
            }
            else if (change.Offset is { } offset)
            {
                clock.SetOffset(offset);
            }
            else
            {
                return Problems.Invalid("advanceBy", "Required", "Give 'advanceBy' or 'offset' (e.g. \"30.00:00:00\").");
            }
            return TypedResults.Ok(new ClockReading(clock.GetUtcNow(), clock.Offset));
        });
    }
}
