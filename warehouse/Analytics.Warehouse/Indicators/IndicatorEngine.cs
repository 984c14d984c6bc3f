using Analytics.DuckDb;

namespace Analytics.Warehouse.Indicators;

/// <summary>
/// Runs each indicator's SQL from the catalog (table <c>indicator_catalog</c>) and stores what it returns in
/// <c>indicator_contribution</c>: one row per unit counted (enterprise, platform, person, patent or survey response)
/// with the year, district, industry group and size class it counts for. The roll-ups, targets, trajectories and
/// statuses are then pure SQL over that table (the models after it in <see cref="Building.BuildPlan"/>), the same for every indicator of a kind.
/// </summary>
/// <remarks>
/// An indicator's SQL is a SELECT that may use <c>$plan</c> and returns some of the columns year, district_code,
/// industry_group, size_class, unit_id, enterprise_id, num, den, weight and flag; it is inserted BY NAME, so a count
/// need not return num/den/weight/flag. The SQL comes from the warehouse's own files, never from user input.
/// </remarks>
internal static class IndicatorEngine
{
    /// <summary>
    /// What an indicator's SQL may read: the shared rules of the intermediate layer, the patent facts (the patent
    /// indicators need no shared rule beyond the attribution) and the plans' years and attribution. The model-graph
    /// tests hold every file under Sql/indicators/ to this list.
    /// </summary>
    public static IReadOnlyList<string> Reads { get; } =
    [
        "int_recognition_held_at_year_end", "int_recognition_granted_since_plan_start", "int_survey_sme_response", "int_rd_spend_sme",
        "fact_patent", "bridge_patent_applicant", "enterprise_plan_year", "plan_year", "indicator_catalog",
    ];

    private const string ListIndicators = "SELECT indicator_id, plan, sql FROM indicator_catalog ORDER BY sort_order, indicator_id";

    /// <summary>Computes the contributions of every catalogued indicator; returns how many indicators ran.</summary>
    public static int Run(DuckDbConnection connection, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var indicators = new List<(string Id, string Plan, string Sql)>();
        using (var list = connection.CreateCommand(ListIndicators))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                indicators.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (id, plan, sql) in indicators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"indicator {id}");
            using var command = connection.CreateCommand(
                "INSERT INTO indicator_contribution BY NAME SELECT $indicator_id AS indicator_id, c.* FROM (\n"
                + sql.Trim().TrimEnd(';') + "\n) AS c");
            command.Parameters.Add("indicator_id", id);
            command.Parameters.Add("plan", plan);
            try
            {
                command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (DuckDbException ex)
            {
                throw new InvalidOperationException($"Indicator {id}: its SQL failed: {ex.Message}", ex);
            }
        }

        return indicators.Count;
    }
}
