namespace MonaSpark.Adapters.Sources.YouTube;

/// <summary>
/// YouTube's daily quota, counted in units on <see cref="TimeProvider"/> and reset at midnight in the
/// quota's time zone (Pacific). Units are taken before a call is made, so the allowance is never
/// exceeded. Counted in process: a restart forgets what was spent, which the API's own 403
/// <c>quotaExceeded</c> then catches (<see cref="Exhaust"/>).
/// </summary>
internal sealed class YouTubeQuota(int dailyUnits, TimeZoneInfo zone, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _used;

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return dailyUnits - _used;
            }
        }
    }

    /// <summary>Takes <paramref name="units"/> if all of them are left today.</summary>
    public bool TryTake(int units)
    {
        lock (_gate)
        {
            Roll();
            if (_used + units > dailyUnits)
            {
                return false;
            }

            _used += units;
            return true;
        }
    }

    /// <summary>Gives back units taken for a call that was not made.</summary>
    public void Return(int units)
    {
        lock (_gate)
        {
            _used = Math.Max(0, _used - units);
        }
    }

    /// <summary>The API said the quota is spent: nothing more today.</summary>
    public void Exhaust()
    {
        lock (_gate)
        {
            Roll();
            _used = dailyUnits;
        }
    }

    private void Roll()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        if (today != _day)
        {
            _day = today;
            _used = 0;
        }
    }
}
