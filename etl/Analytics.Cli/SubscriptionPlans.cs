using Analytics.DuckDb;
using Analytics.Snapshots;

namespace Analytics.Cli;

/// <summary>The plans and their districts a subscription may name: the published snapshot's <c>mart_plan_district</c>.</summary>
internal static class SubscriptionPlans
{
    /// <summary>
    /// The plans of the snapshot <paramref name="path"/> means (a file or a folder), each with its districts; null when
    /// none is published there and <paramref name="required"/> is false (the check is skipped, with a warning).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>>? Read(string path, bool required, TextWriter warnings)
    {
        if (!SnapshotResolver.TryResolve(path, out var file, out var problem))
        {
            if (required)
            {
                throw new CliFailure(ExitCodes.Usage, problem);
            }

            warnings.WriteLine($"warning: the plan and district are not checked: {problem}");
            return null;
        }

        try
        {
            using var connection = SnapshotConnections.OpenReadOnly(file, threads: 1);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT plan, district_code FROM mart_plan_district ORDER BY ALL";
            using var reader = command.ExecuteReader();
            var plans = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var plan = reader.GetString(0);
                if (!plans.TryGetValue(plan, out var districts))
                {
                    plans[plan] = districts = new HashSet<string>(StringComparer.Ordinal);
                }

                districts.Add(reader.GetString(1));
            }

            return plans.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
        }
        catch (DuckDbException ex)
        {
            throw new CliFailure(ExitCodes.InputRefused, $"'{file}' does not list the plans' districts (mart_plan_district): {ex.Message}");
        }
    }
}
