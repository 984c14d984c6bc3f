using System.Diagnostics;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>What a long step reports while it runs: a line saying what it does now and, for counted steps, how far it is.</summary>
internal interface IStepStatus
{
    /// <summary>What the step is doing now (plain text, not markup).</summary>
    void Say(string text);

    /// <summary>How many of the step's units are done.</summary>
    void Done(double value);
}

/// <summary>
/// Runs a long step with a live display on a terminal (spinner or bar, elapsed time), or, when the output goes to a
/// file or a pipe, with one plain timestamped line per change, so logs read in order and hold no escape codes.
/// </summary>
internal static class StepProgress
{
    /// <summary>True when <paramref name="console"/> is a terminal that can redraw a live display.</summary>
    public static bool Live(IAnsiConsole console) => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    /// <summary>Runs <paramref name="work"/> on <paramref name="console"/>; <paramref name="total"/> &gt; 0 shows a bar of that many units, else a spinner.</summary>
    public static void Run(IAnsiConsole console, string title, double total, Action<IStepStatus> work)
    {
        if (!Live(console))
        {
            var status = new PlainStatus(console);
            status.Say(title);
            work(status);
            return;
        }

        var columns = total > 0
            ? new ProgressColumn[] { new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn() }
            : [new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn()];
        console.Progress().AutoClear(false).Columns(columns).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
            task.IsIndeterminate = total <= 0;
            work(new LiveStatus(task));
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        });
    }

    private sealed class LiveStatus(ProgressTask task) : IStepStatus
    {
        public void Say(string text) => task.Description = Markup.Escape(text);

        public void Done(double value) => task.Value = value;
    }

    /// <summary>One line per new text, with the time since the step began; counts are not printed on their own.</summary>
    private sealed class PlainStatus(IAnsiConsole console) : IStepStatus
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private string? last;

        public void Say(string text)
        {
            if (text == last)
            {
                return;
            }

            last = text;
            console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {text}");
        }

        public void Done(double value)
        {
        }
    }
}
