namespace Analytics.DemoData.Population;

/// <summary>
/// The innovation-latent levels above which a region's firms patent at all, and can obtain inventions — set as
/// quantiles (over the first firms, which are a random sample) so the shares hold whatever the industry mix.
/// </summary>
internal sealed record InnovationThresholds(double Active, double Inventor)
{
    private const int SampleSize = 40_000;

    public static InnovationThresholds For(EnterprisePopulation population)
    {
        var n = (int)Math.Min(population.Count, SampleSize);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = population[i].Innovation;
        }

        Array.Sort(values);
        var region = population.Region;
        return new InnovationThresholds(Quantile(values, 1 - region.PatentActiveShare), Quantile(values, 1 - region.InventorShare));
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)(q * sorted.Length), 0, sorted.Length - 1)];
}
