using BenchmarkDotNet.Running;

namespace Portal.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["demo-coverage", ..])
        {
            DemoCoverageReport.Run(Console.Out);
            return;
        }
        if (args is ["training-plan", .. var regions])
        {
            TrainingPlanReport.Run(Console.Out, regions);
            return;
        }
        if (args is ["roster", ..])
        {
            RosterReport.Run(Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
