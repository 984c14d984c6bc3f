using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Building;

/// <summary>What the build does with a step.</summary>
internal enum StepAction
{
    /// <summary>Runs it.</summary>
    Run,

    /// <summary>Its table is copied from the previous snapshot, whose table was made from the same inputs.</summary>
    Copy,

    /// <summary>Nothing: a temporary model that only copied tables would have read.</summary>
    Skip,
}

/// <summary>
/// Which tables of the build can be copied from the previous snapshot instead of made again (issue 18, part 3). Every
/// object the build makes gets a fingerprint of its inputs: the lake views and the catalog's raw tables by their
/// content (<see cref="InputFingerprints"/>), a model by its file (SQL, settings, docs) and the fingerprints of what it
/// reads (<see cref="ModelGraph"/>). A table whose fingerprint equals the one the previous snapshot recorded for it in
/// <c>build_step</c> holds the same rows, so it is copied; a temporary model that only copied tables read is not made
/// at all. No fingerprint, so never copied: anything a code step makes or changes without fingerprinting it (the
/// indicator engine, suppression), a model that reads the clock or a random source (build_lineage's built_at), and
/// everything downstream of those.
/// </summary>
internal sealed partial class ReusePlan
{
    private readonly IReadOnlyList<StepAction> _actions;

    private ReusePlan(IReadOnlyList<StepAction> actions, IReadOnlyDictionary<string, string?> fingerprints)
    {
        _actions = actions;
        Fingerprints = fingerprints;
    }

    /// <summary>Each object's fingerprint; null when it has none (it is made afresh by every build).</summary>
    public IReadOnlyDictionary<string, string?> Fingerprints { get; }

    /// <summary>The tables to copy, in build order.</summary>
    public IReadOnlyList<string> Copies(IReadOnlyList<BuildStep> steps) =>
        steps.Select((s, i) => (s, i)).Where(x => _actions[x.i] == StepAction.Copy).Select(x => ((ModelStep)x.s).Path).ToList();

    /// <summary>What to do with the step at <paramref name="index"/> of the plan.</summary>
    public StepAction ActionOf(int index) => _actions[index];

    /// <summary>
    /// Fingerprints every object of <paramref name="steps"/>, given the fingerprints of the code steps' objects that have
    /// one (<paramref name="codeFingerprints"/>), and chooses a copy for each table whose fingerprint
    /// <paramref name="previous"/> recorded (table name → fingerprint; empty for a build from scratch).
    /// </summary>
    public static ReusePlan Create(
        IReadOnlyList<BuildStep> steps, IReadOnlyList<ModelNode> nodes, IReadOnlyDictionary<string, string> codeFingerprints,
        IReadOnlyDictionary<string, string> previous)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(nodes);
        var models = BuildPlan.Models().ToDictionary(m => m.Path, StringComparer.Ordinal);

        // An object a code step makes or changes has only the fingerprint that step gives it.
        var madeInCode = steps.OfType<CodeStep>().SelectMany(c => c.Makes).ToHashSet(StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, string?>(StringComparer.Ordinal);
        var actions = new StepAction[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is CodeStep code)
            {
                foreach (var made in code.Makes)
                {
                    fingerprints[made] = codeFingerprints.GetValueOrDefault(made);
                }

                continue;
            }

            var model = models[((ModelStep)steps[i]).Path];
            var reads = nodes[i].Reads.Order(StringComparer.Ordinal).ToList();
            var fingerprint = madeInCode.Contains(model.Name) || Volatile().IsMatch(ModelGraph.WithoutComments(model.Body))
                || reads.Any(r => fingerprints.GetValueOrDefault(r) is null)
                ? null
                : InputFingerprints.Hash(
                [
                    model.Path, model.Materialized.ToString(), model.Description ?? "", model.ColumnsFrom ?? "",
                    .. model.Columns.Select(c => c.Column + ": " + c.Doc), model.Body, .. reads.Select(r => r + "=" + fingerprints[r]),
                ]);
            fingerprints[model.Name] = fingerprint;
            actions[i] = model.Materialized == Materialization.Table && fingerprint is not null
                && previous.TryGetValue(model.Name, out var before) && before == fingerprint
                    ? StepAction.Copy
                    : StepAction.Run;
        }

        // From the last step back: a temporary model runs only when a step that runs reads it.
        var read = new HashSet<string>(StringComparer.Ordinal);
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (actions[i] == StepAction.Copy)
            {
                continue;
            }

            var temporary = steps[i] is ModelStep m && !models[m.Path].IsPublished;
            if (temporary && !nodes[i].Makes.Any(read.Contains))
            {
                actions[i] = StepAction.Skip;
                continue;
            }

            read.UnionWith(nodes[i].Reads);
        }

        return new ReusePlan(actions, fingerprints);
    }

    /// <summary>The fingerprint of <paramref name="test"/> and what it reads; null when it always runs.</summary>
    public string? FingerprintOf(DataTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.Reads is not { Count: > 0 } reads || reads.Any(r => Fingerprints.GetValueOrDefault(r) is null))
        {
            return null;
        }

        return InputFingerprints.Hash(["data test", test.Name, test.Failing, .. reads.Order(StringComparer.Ordinal).Select(r => r + "=" + Fingerprints[r])]);
    }

    /// <summary>The same steps, all run: the plan when the previous snapshot cannot be copied from.</summary>
    public ReusePlan RunEverything() => new(_actions.Select(_ => StepAction.Run).ToList(), Fingerprints);

    /// <summary>Functions whose result may differ from one build to the next (every <c>current_…</c>, to be safe).</summary>
    [GeneratedRegex(@"\b(current_\w+|get_current_\w+|transaction_timestamp|now|today|random|uuid\w*|gen_random_uuid|setseed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Volatile();
}
