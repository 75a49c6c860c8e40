namespace WaaS.ServiceDefaults.Time;

/// <summary>
/// A clock that runs with real time from an adjustable offset. Tests (unit tests directly, end-to-end tests
/// through <c>/test/clock</c> when <c>WAAS_TEST_CLOCK=1</c>) move a contract through months in seconds with it.
/// </summary>
public sealed class AdjustableClock(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private long _offsetTicks;

    /// <summary>How far this clock is ahead of the real one.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward (time never runs backwards here).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Sets the offset, e.g. to line up a restarted process with the others.</summary>
    public void SetOffset(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}
