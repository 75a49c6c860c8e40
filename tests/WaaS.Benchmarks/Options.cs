namespace WaaS.Benchmarks;

/// <summary>What to run: <c>--deals N --concurrency C --gateway URL --warmup W --poll-ms P --timeout-s T</c>.</summary>
public sealed record Options(int Deals, int Concurrency, Uri Gateway, int Warmup, TimeSpan PollInterval, TimeSpan StepTimeout)
{
    public static readonly Options Default = new(100, 8, new Uri("http://localhost:5080/api/"), 3,
        TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(60));

    public const string Usage =
        "usage: dotnet run -c Release --project tests/WaaS.Benchmarks -- [--deals 100] [--concurrency 8]\n" +
        "       [--gateway http://localhost:5080/api] [--warmup 3] [--poll-ms 25] [--timeout-s 60]";

    /// <summary>Parses the arguments; null with a message when they do not make sense.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Default;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--deals" when int.TryParse(value, out var n) && n > 0:
                    options = options with { Deals = n };
                    break;
                case "--concurrency" when int.TryParse(value, out var c) && c > 0:
                    options = options with { Concurrency = c };
                    break;
                case "--warmup" when int.TryParse(value, out var w) && w >= 0:
                    options = options with { Warmup = w };
                    break;
                case "--poll-ms" when int.TryParse(value, out var p) && p > 0:
                    options = options with { PollInterval = TimeSpan.FromMilliseconds(p) };
                    break;
                case "--timeout-s" when int.TryParse(value, out var t) && t > 0:
                    options = options with { StepTimeout = TimeSpan.FromSeconds(t) };
                    break;
                case "--gateway" when Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url):
                    options = options with { Gateway = url };
                    break;
                default:
                    error = $"unknown option or bad value: {name} {value}";
                    return null;
            }
        }
        return options;
    }
}
