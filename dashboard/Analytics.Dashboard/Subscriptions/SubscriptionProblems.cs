using Analytics.Delivery;

namespace Analytics.Dashboard.Subscriptions;

/// <summary>
/// A refused subscription's problems by the API field each is about, for a validation problem document:
/// <see cref="SubscriptionStore.Check"/> lists them in one sentence, each naming what it is about.
/// </summary>
internal static class SubscriptionProblems
{
    private const string Lead = "The subscription cannot be made: ";

    /// <summary>Each problem of <paramref name="refusal"/> under its field (<c>brief</c>, <c>plan</c>, <c>district</c>, …).</summary>
    public static Dictionary<string, string[]> ByField(SubscriptionException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var text = refusal.Message.StartsWith(Lead, StringComparison.Ordinal) ? refusal.Message[Lead.Length..].TrimEnd('.') : refusal.Message;
        return text.Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(Field)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    private static string Field(string problem) => problem switch
    {
        _ when problem.StartsWith("brief ", StringComparison.Ordinal) => "brief",
        _ when problem.StartsWith("plan ", StringComparison.Ordinal) => "plan",
        _ when problem.Contains("district", StringComparison.Ordinal) => "district",
        _ when problem.StartsWith("language ", StringComparison.Ordinal) => "language",
        _ when problem.StartsWith("time zone ", StringComparison.Ordinal) => "timeZone",
        _ when problem.StartsWith("schedule ", StringComparison.Ordinal) || problem.StartsWith("it would send nothing", StringComparison.Ordinal) => "cron",
        _ when problem.Contains("e-mail", StringComparison.Ordinal) => "email",
        _ => "subscription",
    };
}
