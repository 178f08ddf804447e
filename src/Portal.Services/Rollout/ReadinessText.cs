using System.Globalization;
using Portal.Domain.Rollout;

namespace Portal.Services.Rollout;

/// <summary>The sentence of each gate and of the outlook, in the current UI culture.</summary>
internal static class ReadinessText
{
    public static GateView View(Gate gate) => new(gate.Code, gate.Passes, gate.Value, gate.Threshold, Of(gate), gate.Channels, gate.MostMissingCourseCode);

    public static string Of(Gate gate) => gate.Code switch
    {
        GateCode.G1 => gate.Passes
            ? Messages.Format("Readiness_G1_Pass", (int)gate.Value, (int)gate.Threshold)
            : Messages.Format("Readiness_G1_Fail", gate.RegionsNotSwitched.Count, string.Join(", ", gate.RegionsNotSwitched)),
        GateCode.G2 => gate.Passes || gate.MostMissingCourse is null
            ? Messages.Format("Readiness_G2_Pass", gate.Value, gate.Threshold, gate.Completed, gate.Advisors)
            : Messages.Format("Readiness_G2_Fail", gate.Value, gate.Threshold, gate.MostMissingCount, gate.MostMissingCourse),
        GateCode.G3 => gate.Channels.Count == 0
            ? Messages.Format("Readiness_G3_None")
            : Messages.Format(gate.Passes ? "Readiness_G3_Pass" : "Readiness_G3_Fail", Join(gate.Channels.Where(c => gate.Passes || !c.Passes),
                c => Messages.Format("Readiness_G3_Channel", c.Channel, (int)c.Value, (int)c.Threshold))),
        _ => gate.Channels.Count == 0
            ? Messages.Format("Readiness_G3_None")
            : Messages.Format(gate.Passes ? "Readiness_G4_Pass" : "Readiness_G4_Fail", Join(gate.Channels.Where(c => gate.Passes || !c.Passes),
                c => Messages.Format("Readiness_G4_Channel", c.Channel, c.Value, c.Threshold, c.LowestInterval ?? 0, c.IntervalFloor ?? 0))),
    };

    public static string Outlook(ReadinessOutlook outlook) => outlook.EarliestReady is { } earliest
        ? Messages.Format("Readiness_ReadyFrom", earliest.ToString("d", CultureInfo.CurrentCulture))
        : outlook.Blocking is { } blocking
            ? Messages.Format("Readiness_NoDate", $"{blocking.Code} ({Messages.Format(NameKey(blocking.Code))})", Of(blocking))
            : Messages.Format("Readiness_NoDate", "", "");

    private static string NameKey(GateCode code) => code switch
    {
        GateCode.G1 => "Readiness_Gate_G1",
        GateCode.G2 => "Readiness_Gate_G2",
        GateCode.G3 => "Readiness_Gate_G3",
        _ => "Readiness_Gate_G4",
    };

    private static string Join(IEnumerable<ChannelGate> channels, Func<ChannelGate, string> text) => string.Join("; ", channels.Select(text));
}
