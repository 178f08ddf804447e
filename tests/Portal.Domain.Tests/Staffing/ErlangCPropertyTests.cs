using Portal.Domain.Staffing;

namespace Portal.Domain.Tests.Staffing;

/// <summary>Rules that must hold for every interval, checked over a fixed grid of inputs (no randomness).</summary>
public class ErlangCPropertyTests
{
    private static readonly double[] Targets = [0.5, 0.8, 0.9, 0.95, 0.99];
    private static readonly double[] AnswerSeconds = [0, 10, 20, 60, 300];
    private static readonly double[] Caps = [0.7, 0.85, 0.9, 1];
    private static readonly double[] HandlingSeconds = [45, 180, 420];
    private static readonly int[] Concurrencies = [1, 2];
    private static readonly double[] Contacts = [0.3, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1_597, 2_584, 4_181];

    // Caps and shrinkage are decimals a double only approximates; the result may sit that far above a cap.
    private const double RoundingSlack = 1e-9;

    private static IEnumerable<StaffingInput> Grid() =>
        from target in Targets
        from answer in AnswerSeconds
        from cap in Caps
        from handling in HandlingSeconds
        from concurrency in Concurrencies
        from contacts in Contacts
        select new StaffingInput(contacts, handling, 1800, target, answer, 0.25, cap, concurrency);

    [Fact]
    public void The_requirement_is_always_above_the_traffic_within_the_cap_and_on_target()
    {
        var checkedIntervals = 0;
        foreach (var input in Grid())
        {
            var result = ErlangC.Required(input);
            var handling = input.AverageHandlingSeconds / input.Concurrency;

            Assert.True(result.Agents > result.Traffic, $"{input}: N = {result.Agents} is not above A = {result.Traffic}");
            Assert.True(result.Occupancy <= input.MaxOccupancy * (1 + RoundingSlack), $"{input}: occupancy {result.Occupancy}");
            Assert.True(result.ServiceLevel >= input.ServiceLevelTarget, $"{input}: SL {result.ServiceLevel}");
            Assert.True(result.Scheduled * (1 - input.Shrinkage) >= result.Agents * (1 - RoundingSlack), $"{input}: scheduled {result.Scheduled}");

            // The search carries B from one candidate to the next; computed afresh it must give the same answer.
            Assert.Equal(ErlangC.ServiceLevel(result.Agents, result.Traffic, input.TargetAnswerSeconds, handling), result.ServiceLevel, 1e-12);
            Assert.Equal(ErlangC.AverageSpeedOfAnswer(result.Agents, result.Traffic, handling), result.AverageSpeedOfAnswer, 1e-9 * (1 + result.AverageSpeedOfAnswer));

            var fewer = result.Agents - 1;
            var capDecided = fewer <= result.Traffic || result.Traffic / fewer > input.MaxOccupancy;
            if (!capDecided)
            {
                Assert.True(
                    ErlangC.ServiceLevel(fewer, result.Traffic, input.TargetAnswerSeconds, handling) < input.ServiceLevelTarget,
                    $"{input}: {fewer} agents would already meet the target");
            }

            checkedIntervals++;
        }

        Assert.Equal(Targets.Length * AnswerSeconds.Length * Caps.Length * HandlingSeconds.Length * Concurrencies.Length * Contacts.Length, checkedIntervals);
    }

    [Fact]
    public void More_contacts_never_need_fewer_agents()
    {
        foreach (var target in Targets)
        {
            foreach (var answer in AnswerSeconds)
            {
                foreach (var cap in Caps)
                {
                    var previous = 0;
                    for (var contacts = 1.0; contacts <= 3_000; contacts *= 1.07)
                    {
                        var agents = ErlangC.Required(new StaffingInput(contacts, 240, 1800, target, answer, 0, cap)).Agents;

                        Assert.True(agents >= previous, $"{contacts:F1} contacts at {target:P0} in {answer} s, cap {cap:P0}: {agents} < {previous}");
                        previous = agents;
                    }
                }
            }
        }
    }

    [Fact]
    public void Adding_an_agent_never_lowers_the_service_level()
    {
        foreach (var traffic in new[] { 0.05, 0.5, 1, 2.5, 7.3, 10, 33.3, 100, 512.5, 1_000, 5_000, 11_000 })
        {
            foreach (var answer in AnswerSeconds)
            {
                var previous = 0.0;
                var last = (int)traffic + (int)(6 * Math.Sqrt(traffic)) + 20;
                for (var agents = 0; agents <= last; agents++)
                {
                    var serviceLevel = ErlangC.ServiceLevel(agents, traffic, answer, 180);

                    Assert.InRange(serviceLevel, 0, 1);
                    Assert.True(serviceLevel >= previous, $"A = {traffic}, T = {answer}: SL({agents}) = {serviceLevel} < {previous}");
                    previous = serviceLevel;
                }

                Assert.True(previous > 0.999, $"A = {traffic}, T = {answer}: SL({last}) = {previous}");
            }
        }
    }

    [Fact]
    public void Email_always_fills_the_cap_as_closely_as_whole_agents_allow()
    {
        foreach (var cap in Caps)
        {
            foreach (var contacts in Contacts)
            {
                var result = ErlangC.ForWorkload(new StaffingInput(contacts, 300, 1800, 0.8, 0, 0.3, cap));

                Assert.True(result.Occupancy <= cap * (1 + RoundingSlack), $"{contacts} emails at cap {cap}: {result.Occupancy}");
                Assert.True(result.Agents == 1 || result.Traffic / (result.Agents - 1) > cap, $"{contacts} emails at cap {cap}: {result.Agents} is not the least");
            }
        }
    }
}
