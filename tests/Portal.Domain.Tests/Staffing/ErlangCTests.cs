using Portal.Domain.Staffing;

namespace Portal.Domain.Tests.Staffing;

public class ErlangCTests
{
    // The spec's worked example: 100 calls in 30 minutes, AHT 180 s, 80 % answered in 20 s, 30 % shrinkage.
    private static readonly StaffingInput WorkedExample = new(
        Contacts: 100, AverageHandlingSeconds: 180, IntervalSeconds: 1800, ServiceLevelTarget: 0.8, TargetAnswerSeconds: 20, Shrinkage: 0.3);

    [Fact]
    public void The_worked_example_needs_14_agents_and_20_scheduled()
    {
        var result = ErlangC.Required(WorkedExample);

        Assert.Equal(10, result.Traffic, 12);
        Assert.Equal(14, result.Agents);
        Assert.Equal(0.888, result.ServiceLevel, 3);
        Assert.Equal(7.8, result.AverageSpeedOfAnswer, 1);
        Assert.Equal(0.714, result.Occupancy, 3);
        Assert.Equal(20, result.Scheduled);
    }

    [Fact]
    public void Thirteen_agents_miss_the_worked_example_target()
    {
        Assert.Equal(0.7956, ErlangC.ServiceLevel(13, 10, 20, 180), 4);
        Assert.Equal(0.8884, ErlangC.ServiceLevel(14, 10, 20, 180), 4);
    }

    // Expected values from reference_values.py (exact Fraction arithmetic on the factorial formula of Erlang C,
    // no Erlang B recursion). Its table, as printed by `python3 reference_values.py`:
    //
    // case                              A      N          SL(N)        SL(N-1)            ASA s    occupancy  sched by
    // worked example            10.000000     14   0.8883500192   0.7955947884      7.835937012 0.7142857143     20 SL
    // small A=1                  1.000000      3   0.9390618140   0.7270897490      4.545454545 0.3333333333      3 SL
    // small A=2.5                2.500000      6   0.9735241273   0.9140539437      2.440018913 0.4166666667      8 SL
    // small A=3                  3.000000      6   0.9265529059   0.8066554198      4.957160343 0.5000000000      8 SL
    // small A=5                  5.000000      8   0.8630537670   0.7163126131      16.72665067 0.6250000000     12 SL
    // fractional A=7.3           7.300000     11   0.8990625500   0.7995544121      7.407410229 0.6636363636     16 SL
    // medium A=50               50.000000     57   0.8454407762   0.7926379710      10.56303943 0.8771929825     82 SL
    // medium A=75               75.000000     87   0.9190591486   0.8964551211      3.018739029 0.8620689655    134 SL
    // medium A=100             100.000000    112   0.9080730283   0.8847327668      4.187546585 0.8928571429    160 SL
    // large A=1000            1000.000000   1015   0.8058974794   0.7827705397      10.55250709 0.9852216749   1450 SL
    // large A=10000          10000.000000  10021   0.8121555835   0.7964953277      10.88209531 0.9979044008  14316 SL
    // large A=11000          11000.000000  11065   0.9516947069   0.9493158571      1.946139632 0.9941256213  15808 SL
    // large capped A=10000   10000.000000  11112   1.0000000000   1.0000000000    1.2615033e-28 0.8999280058  15875 cap
    // chat x2 A=100/3           33.333333     40   0.9020722099   0.8558798091      8.583178068 0.8333333333     58 SL
    // chat x3 A=15              15.000000     20   0.9026946578   0.8362956110      9.625763245 0.7500000000     29 SL
    // cap binds A=10            10.000000     12   0.7692763926   0.5112409488      40.44494019 0.8333333333     18 cap
    // cap binds A=100          100.000000    118   0.9985905417   0.9978737968     0.8597280728 0.8474576271    169 cap
    // no wait allowed T=0       10.000000     14   0.8258680664   0.7147295470      7.835937012 0.7142857143     20 SL
    // long target T=300         10.000000     11   0.8711645129              -      122.7812768 0.9090909091     16 N>A
    // short target T=5          50.000000     63   0.9591984155   0.9445030627      1.169370327 0.7936507937     90 SL
    // 15-min interval A=20      20.000000     24   0.8088818870   0.7021110108      13.41325349 0.8333333333     35 SL
    //
    // "by": what decided N. SL: N − 1 was allowed by the cap and missed the target. cap: N − 1 would exceed the
    // occupancy cap. N>A: N − 1 would not be above the traffic.
    [Theory]
    [InlineData("worked example", 100, 180, 1, 1800, 0.8, 20, 0.3, 0.9, 10.0, 14, 0.888350019179, 7.83593701178, 0.7142857142857143, 20)]
    [InlineData("small A=1", 18, 100, 1, 1800, 0.8, 20, 0, 0.9, 1.0, 3, 0.939061813997, 4.54545454545, 0.3333333333333333, 3)]
    [InlineData("small A=2.5", 25, 180, 1, 1800, 0.95, 30, 0.2, 0.9, 2.5, 6, 0.973524127311, 2.44001891286, 0.4166666666666667, 8)]
    [InlineData("small A=3", 36, 150, 1, 1800, 0.9, 15, 0.25, 0.9, 3.0, 6, 0.926552905905, 4.95716034272, 0.5, 8)]
    [InlineData("small A=5", 30, 300, 1, 1800, 0.8, 20, 0.3, 0.9, 5.0, 8, 0.863053767036, 16.7266506662, 0.625, 12)]
    [InlineData("fractional A=7.3", 73, 180, 1, 1800, 0.8, 20, 0.3, 0.9, 7.3, 11, 0.899062549997, 7.40741022897, 0.6636363636363637, 16)]
    [InlineData("medium A=50", 300, 300, 1, 1800, 0.8, 20, 0.3, 0.9, 50.0, 57, 0.845440776197, 10.5630394309, 0.8771929824561403, 82)]
    [InlineData("medium A=75", 450, 300, 1, 1800, 0.9, 10, 0.35, 0.95, 75.0, 87, 0.919059148594, 3.01873902939, 0.8620689655172413, 134)]
    [InlineData("medium A=100", 600, 300, 1, 1800, 0.9, 15, 0.3, 0.95, 100.0, 112, 0.908073028301, 4.1875465849, 0.8928571428571429, 160)]
    [InlineData("large A=1000", 6000, 300, 1, 1800, 0.8, 20, 0.3, 1, 1000.0, 1015, 0.805897479386, 10.5525070929, 0.9852216748768473, 1450)]
    [InlineData("large A=10000", 60000, 300, 1, 1800, 0.8, 20, 0.3, 1, 10000.0, 10021, 0.812155583470, 10.8820953098, 0.9979044007584074, 14316)]
    [InlineData("large A=11000", 66000, 300, 1, 1800, 0.95, 10, 0.3, 1, 11000.0, 11065, 0.951694706938, 1.94613963157, 0.9941256213285133, 15808)]
    [InlineData("large capped A=10000", 60000, 300, 1, 1800, 0.8, 20, 0.3, 0.9, 10000.0, 11112, 1.000000000000, 1.26150330024e-28, 0.8999280057595392, 15875)]
    [InlineData("chat x2 A=100/3", 200, 600, 2, 1800, 0.9, 30, 0.3, 0.95, 33.333333333333336, 40, 0.902072209874, 8.58317806774, 0.8333333333333334, 58)]
    [InlineData("chat x3 A=15", 90, 900, 3, 1800, 0.85, 30, 0.3, 0.9, 15.0, 20, 0.902694657813, 9.62576324502, 0.75, 29)]
    [InlineData("cap binds A=10", 100, 180, 1, 1800, 0.5, 60, 0.3, 0.9, 10.0, 12, 0.769276392554, 40.4449401868, 0.8333333333333334, 18)]
    [InlineData("cap binds A=100", 600, 300, 1, 1800, 0.5, 60, 0.3, 0.85, 100.0, 118, 0.998590541725, 0.859728072823, 0.847457627118644, 169)]
    [InlineData("no wait allowed T=0", 100, 180, 1, 1800, 0.8, 0, 0.3, 0.9, 10.0, 14, 0.825868066405, 7.83593701178, 0.7142857142857143, 20)]
    [InlineData("long target T=300", 100, 180, 1, 1800, 0.8, 300, 0.3, 1, 10.0, 11, 0.871164512883, 122.781276844, 0.9090909090909091, 16)]
    [InlineData("short target T=5", 300, 300, 1, 1800, 0.95, 5, 0.3, 0.9, 50.0, 63, 0.959198415481, 1.16937032689, 0.7936507936507936, 90)]
    [InlineData("15-min interval A=20", 100, 180, 1, 900, 0.8, 20, 0.3, 0.9, 20.0, 24, 0.808881887038, 13.4132534907, 0.8333333333333334, 35)]
    public void Required_agents_match_the_exact_reference(
        string name,
        double contacts,
        double averageHandlingSeconds,
        int concurrency,
        int intervalSeconds,
        double target,
        double answerSeconds,
        double shrinkage,
        double maxOccupancy,
        double traffic,
        int agents,
        double serviceLevel,
        double averageSpeedOfAnswer,
        double occupancy,
        int scheduled)
    {
        var input = new StaffingInput(contacts, averageHandlingSeconds, intervalSeconds, target, answerSeconds, shrinkage, maxOccupancy, concurrency);

        var result = ErlangC.Required(input);

        Assert.True(agents == result.Agents, $"{name}: expected {agents} agents, got {result.Agents}");
        Assert.Equal(traffic, result.Traffic, 1e-9 * traffic);
        // The reference is printed to 12 decimals (SL) and 12 significant digits (ASA); the doubles agree to ~1e-12.
        Assert.Equal(serviceLevel, result.ServiceLevel, 1e-11);
        Assert.Equal(averageSpeedOfAnswer, result.AverageSpeedOfAnswer, 1e-10 * averageSpeedOfAnswer);
        Assert.Equal(occupancy, result.Occupancy, 1e-12);
        Assert.Equal(scheduled, result.Scheduled);
    }

    [Fact]
    public void An_interval_without_contacts_needs_no_one()
    {
        Assert.Equal(StaffingResult.None, ErlangC.Required(WorkedExample with { Contacts = 0 }));
        Assert.Equal(StaffingResult.None, ErlangC.ForWorkload(WorkedExample with { Contacts = 0 }));
        Assert.Equal(new StaffingResult(0, 0, 1, 0, 0, 0), StaffingResult.None);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    public void A_service_level_target_of_100_percent_or_0_percent_is_refused(double target)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Required(WorkedExample with { ServiceLevelTarget = target }));

        Assert.Contains("must be above 0% and below 100%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_level_target_of_100_percent_is_refused_even_for_an_empty_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Required(WorkedExample with { Contacts = 0, ServiceLevelTarget = 1 }));
    }

    [Theory]
    [InlineData("contacts", -1)]
    [InlineData("contacts", double.NaN)]
    [InlineData("contacts", double.PositiveInfinity)]
    [InlineData("aht", 0)]
    [InlineData("aht", -180)]
    [InlineData("aht", double.NaN)]
    [InlineData("interval", 0)]
    [InlineData("interval", -1800)]
    [InlineData("shrinkage", -0.1)]
    [InlineData("shrinkage", 1)]
    [InlineData("shrinkage", double.NaN)]
    [InlineData("cap", 0)]
    [InlineData("cap", -0.5)]
    [InlineData("cap", 1.01)]
    [InlineData("concurrency", 0)]
    [InlineData("concurrency", -2)]
    [InlineData("answer", -1)]
    [InlineData("answer", double.NaN)]
    public void Invalid_inputs_are_refused(string field, double value)
    {
        var input = field switch
        {
            "contacts" => WorkedExample with { Contacts = value },
            "aht" => WorkedExample with { AverageHandlingSeconds = value },
            "interval" => WorkedExample with { IntervalSeconds = (int)value },
            "shrinkage" => WorkedExample with { Shrinkage = value },
            "cap" => WorkedExample with { MaxOccupancy = value },
            "concurrency" => WorkedExample with { Concurrency = (int)value },
            _ => WorkedExample with { TargetAnswerSeconds = value },
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Required(input));
        if (field != "answer")
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ForWorkload(input));
        }
    }

    [Fact]
    public void A_cap_so_low_it_would_need_over_a_million_agents_cannot_be_staffed()
    {
        var result = ErlangC.Required(WorkedExample with { MaxOccupancy = 1e-6 });

        Assert.True(result.Unstaffable);
        Assert.Equal(0, result.Scheduled);
    }

    [Theory]
    [InlineData(1e12)]
    [InlineData(1e300)]
    public void Demand_beyond_a_million_agents_cannot_be_staffed_rather_than_failing(double contacts)
    {
        var voice = ErlangC.Required(WorkedExample with { Contacts = contacts });
        var email = ErlangC.ForWorkload(WorkedExample with { Contacts = contacts });

        Assert.True(voice.Unstaffable);
        Assert.True(email.Unstaffable);
        Assert.Equal(0, voice.Scheduled);
        Assert.False(ErlangC.Required(WorkedExample).Unstaffable);
    }

    [Theory]
    [InlineData(6_000)]
    [InlineData(60_000)]
    [InlineData(66_000)]
    [InlineData(72_000)]
    public void Traffic_above_1000_Erlangs_gives_finite_results_slightly_above_the_traffic(double calls)
    {
        var result = ErlangC.Required(WorkedExample with { Contacts = calls, AverageHandlingSeconds = 300, MaxOccupancy = 1 });

        Assert.True(result.Traffic >= 1_000);
        Assert.All(
            new[] { result.Traffic, result.ServiceLevel, result.AverageSpeedOfAnswer, result.Occupancy },
            value => Assert.True(double.IsFinite(value)));
        Assert.InRange(result.Agents - result.Traffic, 1, 0.02 * result.Traffic);
        Assert.InRange(result.ServiceLevel, 0.8, 1);
        Assert.InRange(result.Occupancy, 0.98, 1);
    }

    [Fact]
    public void At_12000_agents_the_queue_functions_stay_finite_and_agree()
    {
        var b = ErlangC.ErlangB(12_000, 11_900);
        var c = ErlangC.WaitProbability(12_000, 11_900);

        Assert.InRange(b, double.Epsilon, 1);
        Assert.InRange(c, b, 1);
        Assert.InRange(ErlangC.ServiceLevel(12_000, 11_900, 20, 300), 0, 1);
        Assert.True(double.IsFinite(ErlangC.AverageSpeedOfAnswer(12_000, 11_900, 300)));
    }

    [Fact]
    public void Chat_divides_the_handling_time_by_the_concurrency()
    {
        var chat = ErlangC.Required(WorkedExample with { AverageHandlingSeconds = 360, Concurrency = 2 });

        Assert.Equal(ErlangC.Required(WorkedExample), chat);
    }

    [Fact]
    public void The_occupancy_cap_decides_when_the_target_is_easy()
    {
        // 50 % in 60 s is met by 11 agents, but 10 Erlangs on 11 agents is 91 % occupancy, over the 90 % cap.
        var input = WorkedExample with { ServiceLevelTarget = 0.5, TargetAnswerSeconds = 60 };
        Assert.True(ErlangC.ServiceLevel(11, 10, 60, 180) >= 0.5);

        var result = ErlangC.Required(input);

        Assert.Equal(12, result.Agents);
        Assert.Equal(11, ErlangC.Required(input with { MaxOccupancy = 1 }).Agents);
    }

    [Fact]
    public void A_decimal_share_does_not_buy_an_advisor_for_a_rounding_error()
    {
        // 21 Erlangs at a 70 % cap, and 21 agents at 30 % shrinkage, both divide to 30 exactly but to
        // 30.000000000000004 in doubles: a plain ceiling would add a 31st advisor.
        var capped = ErlangC.ForWorkload(new StaffingInput(126, 300, 1800, 0.8, 0, Shrinkage: 0, MaxOccupancy: 0.7));
        var shrunk = ErlangC.ForWorkload(new StaffingInput(126, 300, 1800, 0.8, 0, Shrinkage: 0.3, MaxOccupancy: 1));

        Assert.Equal(30, capped.Agents);
        Assert.Equal(21, shrunk.Agents);
        Assert.Equal(30, shrunk.Scheduled);
    }

    [Fact]
    public void Email_is_staffed_at_the_occupancy_cap_without_a_queue()
    {
        // 100 emails × 300 s over 1,800 s = 16.67 Erlangs; at a 90 % cap, ⌈18.52⌉ = 19 agents; 30 % shrinkage: ⌈27.14⌉ = 28.
        var result = ErlangC.ForWorkload(new StaffingInput(100, 300, 1800, 0.8, 3600, Shrinkage: 0.3));

        Assert.Equal(100 * 300 / 1800.0, result.Traffic, 12);
        Assert.Equal(19, result.Agents);
        Assert.Equal(1, result.ServiceLevel);
        Assert.Equal(0, result.AverageSpeedOfAnswer);
        Assert.Equal(100 * 300 / 1800.0 / 19, result.Occupancy, 12);
        Assert.Equal(28, result.Scheduled);
    }

    [Fact]
    public void Email_ignores_the_service_level_target_it_cannot_queue_for()
    {
        var result = ErlangC.ForWorkload(new StaffingInput(54, 300, 1800, ServiceLevelTarget: 1, TargetAnswerSeconds: 86_400));

        Assert.Equal(10, result.Agents); // 9 Erlangs at 90 %
    }

    [Fact]
    public void Erlang_B_starts_at_one_and_matches_its_closed_form_for_one_agent()
    {
        Assert.Equal(1, ErlangC.ErlangB(0, 10));
        Assert.Equal(10 / 11.0, ErlangC.ErlangB(1, 10), 15);
        Assert.Equal(0, ErlangC.ErlangB(5, 0));
    }

    [Fact]
    public void The_queue_functions_agree_with_the_reference_at_14_agents_for_10_Erlangs()
    {
        // C(14, 10) = 10^14/14! · 14/4 / (Σ_{k<14} 10^k/k! + 10^14/14! · 14/4), from reference_values.py's erlang_c.
        Assert.Equal(0.174131933595, ErlangC.WaitProbability(14, 10), 11);
        Assert.Equal(0.888350019179, ErlangC.ServiceLevel(14, 10, 20, 180), 11);
        Assert.Equal(7.83593701178, ErlangC.AverageSpeedOfAnswer(14, 10, 180), 9);
    }

    [Fact]
    public void With_no_more_agents_than_traffic_every_contact_waits_forever()
    {
        Assert.Equal(1, ErlangC.WaitProbability(10, 10));
        Assert.Equal(0, ErlangC.ServiceLevel(9, 10, 20, 180));
        Assert.Equal(double.PositiveInfinity, ErlangC.AverageSpeedOfAnswer(10, 10.5, 180));
    }
}
