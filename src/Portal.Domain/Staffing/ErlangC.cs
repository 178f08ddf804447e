namespace Portal.Domain.Staffing;

/// <summary>
/// The Erlang C queue behind every voice and chat requirement: how many agents an interval needs to answer its
/// service-level target, and the service level, average speed of answer and occupancy they reach. Email, which
/// does not queue, is sized by <see cref="ForWorkload"/>.
/// </summary>
/// <remarks>
/// Erlang C comes from the Erlang B recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), then
/// C = N·B / (N − A·(1 − B)); no factorial and no power of A. Every step combines positive numbers, so nothing
/// overflows or cancels at 12,000 agents, where A^N / N! overflows a double from about 170 agents on.
/// </remarks>
public static class ErlangC
{
    /// <summary>
    /// The most agents <see cref="Required"/> and <see cref="ForWorkload"/> will put on one queue: a million is no
    /// contact centre, and the bound keeps counts inside an <see cref="int"/> and one interval's search within
    /// milliseconds.
    /// </summary>
    public const int MaxAgents = 1_000_000;

    // Shares such as 70 % or 30 % are decimals a double only approximates: 21 / 0.7 and 21 / (1 − 0.3) both come
    // out as 30.000000000000004 and a plain ceiling would buy a 31st advisor for a rounding error. A relative
    // slack of 1e-9 is far below any difference that staffing could mean.
    private const double RoundingSlack = 1e-9;

    /// <summary>Erlang B: the probability that a contact finds all <paramref name="agents"/> busy in a loss system.</summary>
    /// <param name="agents">Number of agents, zero or more.</param>
    /// <param name="traffic">Offered traffic A in Erlangs, zero or more.</param>
    public static double ErlangB(int agents, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        RequireTraffic(traffic);
        return ErlangBFromZero(agents, traffic);
    }

    /// <summary>
    /// Erlang C: the probability that a contact has to wait. One when <paramref name="agents"/> ≤
    /// <paramref name="traffic"/>, where the queue grows without bound and every contact waits.
    /// </summary>
    /// <param name="agents">Number of agents, zero or more.</param>
    /// <param name="traffic">Offered traffic A in Erlangs, zero or more.</param>
    public static double WaitProbability(int agents, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        RequireTraffic(traffic);
        return agents <= traffic ? 1 : WaitProbability(agents, traffic, ErlangBFromZero(agents, traffic));
    }

    /// <summary>
    /// The share of contacts answered within <paramref name="targetAnswerSeconds"/>:
    /// 1 − C(N, A) · exp(−(N − A) · T / AHT). Zero when <paramref name="agents"/> ≤ <paramref name="traffic"/>.
    /// </summary>
    /// <param name="agents">Number of agents, zero or more.</param>
    /// <param name="traffic">Offered traffic A in Erlangs, zero or more.</param>
    /// <param name="targetAnswerSeconds">The answer time T of the target, zero or more.</param>
    /// <param name="averageHandlingSeconds">AHT in seconds, above zero; for chat, AHT divided by the concurrency.</param>
    public static double ServiceLevel(int agents, double traffic, double targetAnswerSeconds, double averageHandlingSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        RequireTraffic(traffic);
        RequireAnswerTime(targetAnswerSeconds);
        RequireHandlingTime(averageHandlingSeconds);
        if (agents <= traffic)
        {
            return 0;
        }

        var wait = WaitProbability(agents, traffic, ErlangBFromZero(agents, traffic));
        return ServiceLevel(agents, traffic, wait, targetAnswerSeconds, averageHandlingSeconds);
    }

    /// <summary>
    /// The average speed of answer in seconds, C(N, A) · AHT / (N − A), over all contacts including those answered
    /// at once. Infinite when <paramref name="agents"/> ≤ <paramref name="traffic"/>.
    /// </summary>
    /// <param name="agents">Number of agents, zero or more.</param>
    /// <param name="traffic">Offered traffic A in Erlangs, zero or more.</param>
    /// <param name="averageHandlingSeconds">AHT in seconds, above zero; for chat, AHT divided by the concurrency.</param>
    public static double AverageSpeedOfAnswer(int agents, double traffic, double averageHandlingSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        RequireTraffic(traffic);
        RequireHandlingTime(averageHandlingSeconds);
        if (agents <= traffic)
        {
            return double.PositiveInfinity;
        }

        var wait = WaitProbability(agents, traffic, ErlangBFromZero(agents, traffic));
        return wait * averageHandlingSeconds / (agents - traffic);
    }

    /// <summary>
    /// The requirement of one voice or chat interval: the least number of agents N above the traffic that reaches
    /// the service-level target without their occupancy exceeding the cap, and the staff to schedule for them.
    /// An interval without contacts needs no one (<see cref="StaffingResult.None"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A target of 0 % or less, or of 100 % or more, which no queue can be held to (some contact always waits); or
    /// negative contacts, AHT or interval not above zero, shrinkage outside [0, 1), occupancy cap outside (0, 1],
    /// concurrency below 1, or a negative answer time.
    /// </exception>
    /// <remarks>
    /// Traffic that would need more than <see cref="MaxAgents"/> agents, or that overflows to infinity, is no
    /// error of the caller's: stored demand may hold it. It gives <see cref="StaffingResult.CannotBeStaffed"/>.
    /// </remarks>
    public static StaffingResult Required(StaffingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(input.ServiceLevelTarget > 0 && input.ServiceLevelTarget < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(input),
                input.ServiceLevelTarget,
                "The service-level target must be above 0% and below 100%: a queue always keeps some contact waiting, so 100% can never be met.");
        }

        RequireAnswerTime(input.TargetAnswerSeconds);
        var (traffic, handling) = Traffic(input);
        if (traffic == 0)
        {
            return StaffingResult.None;
        }

        var target = input.ServiceLevelTarget;
        var answer = input.TargetAnswerSeconds;
        if (AgentsAtCap(traffic, input.MaxOccupancy, Math.Floor(traffic) + 1) is not { } agents)
        {
            return StaffingResult.CannotBeStaffed(traffic);
        }

        // B is built once up to the first candidate, then carried one agent at a time: recomputing it from zero
        // for each candidate would cost N steps per candidate at 12,000 agents.
        var b = ErlangBFromZero(agents, traffic);
        while (true)
        {
            var wait = WaitProbability(agents, traffic, b);
            var serviceLevel = ServiceLevel(agents, traffic, wait, answer, handling);
            if (serviceLevel >= target)
            {
                return new StaffingResult(
                    traffic,
                    agents,
                    serviceLevel,
                    wait * handling / (agents - traffic),
                    traffic / agents,
                    Scheduled(agents, input.Shrinkage));
            }

            agents++;
            b = NextErlangB(agents, traffic, b);
        }
    }

    /// <summary>
    /// The requirement of one email interval. Email waits in a backlog rather than a queue, so the workload is
    /// staffed at the occupancy cap: agents = ⌈traffic / cap⌉, service level 1, no wait. Spreading a day's email
    /// over its open intervals is the caller's work; the service-level target and answer time are not read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Negative contacts, AHT or interval not above zero, shrinkage outside [0, 1), occupancy cap outside (0, 1],
    /// or concurrency below 1. A workload beyond <see cref="MaxAgents"/> agents gives <see cref="StaffingResult.CannotBeStaffed"/>.
    /// </exception>
    public static StaffingResult ForWorkload(StaffingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (traffic, _) = Traffic(input);
        if (traffic == 0)
        {
            return StaffingResult.None;
        }

        if (AgentsAtCap(traffic, input.MaxOccupancy, 1) is not { } agents)
        {
            return StaffingResult.CannotBeStaffed(traffic);
        }
        return new StaffingResult(traffic, agents, 1, 0, traffic / agents, Scheduled(agents, input.Shrinkage));
    }

    private static (double Traffic, double Handling) Traffic(StaffingInput input)
    {
        if (!(input.Contacts >= 0 && double.IsFinite(input.Contacts)))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Contacts, "Contacts must be a finite number, zero or more.");
        }

        RequireHandlingTime(input.AverageHandlingSeconds);
        if (input.IntervalSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.IntervalSeconds, "The interval must last more than 0 seconds.");
        }

        if (!(input.Shrinkage >= 0 && input.Shrinkage < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Shrinkage, "Shrinkage must be at least 0% and below 100%.");
        }

        if (!(input.MaxOccupancy > 0 && input.MaxOccupancy <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MaxOccupancy, "The occupancy cap must be above 0% and at most 100%.");
        }

        if (input.Concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Concurrency, "Concurrency must be at least 1.");
        }

        // A chat advisor serving several conversations at once clears each one that many times faster.
        // Infinite traffic (finite but huge contacts times handling) is left to the callers, which find it unstaffable.
        var handling = input.AverageHandlingSeconds / input.Concurrency;
        var traffic = input.Contacts * handling / input.IntervalSeconds;
        return (traffic, handling);
    }

    private static double ErlangBFromZero(int agents, double traffic)
    {
        // The same recursion turned over, 1/B(n) = 1 + (n/A) · 1/B(n−1): each step is one multiply-add instead of a
        // division the next step must wait for (about four times faster; figures in docs/performance.md). Every term
        // stays positive, so it is as stable as B's own form; past 1e308 it becomes infinity and B zero.
        var perErlang = 1 / traffic;
        var inverse = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            inverse = Math.FusedMultiplyAdd(n * perErlang, inverse, 1);
        }

        return 1 / inverse;
    }

    private static double NextErlangB(int agents, double traffic, double previous)
    {
        var offered = traffic * previous;
        return offered / (agents + offered);
    }

    private static double WaitProbability(int agents, double traffic, double erlangB) =>
        agents * erlangB / (agents - traffic * (1 - erlangB));

    private static double ServiceLevel(int agents, double traffic, double wait, double answerSeconds, double handlingSeconds) =>
        1 - wait * Math.Exp(-(agents - traffic) * answerSeconds / handlingSeconds);

    /// <summary>The least agents at the occupancy cap, or null beyond <see cref="MaxAgents"/> (infinite traffic included).</summary>
    private static int? AgentsAtCap(double traffic, double maxOccupancy, double atLeast)
    {
        var agents = Math.Max(atLeast, LeastCountAtShare(traffic, maxOccupancy));
        return agents > MaxAgents || !double.IsFinite(agents) ? null : (int)agents;
    }

    private static int Scheduled(int agents, double shrinkage)
    {
        var scheduled = LeastCountAtShare(agents, 1 - shrinkage);
        if (scheduled > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(shrinkage), shrinkage, "Shrinkage is too close to 100% to schedule anyone.");
        }

        return (int)scheduled;
    }

    private static double LeastCountAtShare(double work, double share)
    {
        var exact = work / share;
        return Math.Ceiling(exact - exact * RoundingSlack);
    }

    private static void RequireTraffic(double traffic)
    {
        if (!(traffic >= 0 && double.IsFinite(traffic)))
        {
            throw new ArgumentOutOfRangeException(nameof(traffic), traffic, "Traffic must be a finite number of Erlangs, zero or more.");
        }
    }

    private static void RequireHandlingTime(double averageHandlingSeconds)
    {
        if (!(averageHandlingSeconds > 0 && double.IsFinite(averageHandlingSeconds)))
        {
            throw new ArgumentOutOfRangeException(nameof(averageHandlingSeconds), averageHandlingSeconds, "The average handling time must be above 0 seconds.");
        }
    }

    private static void RequireAnswerTime(double targetAnswerSeconds)
    {
        if (!(targetAnswerSeconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(targetAnswerSeconds), targetAnswerSeconds, "The target answer time must be 0 seconds or more.");
        }
    }
}
