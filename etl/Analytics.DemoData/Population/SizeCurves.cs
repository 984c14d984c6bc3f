namespace Analytics.DemoData.Population;

/// <summary>
/// The log-linear anchors <see cref="SizeProfile"/> maps a size latent through, for each figure of one size rule:
/// the logarithms at the anchor points and the slope of each segment, computed once per rule instead of per firm-year.
/// </summary>
internal sealed class SizeCurves
{
    /// <summary>Latent values at which a firm crosses into small, medium and large (the 60th, 90th and 98th percentiles).</summary>
    private static readonly double[] AnchorZ = [-2.6, 0.253, 1.30, 2.054, 3.6];

    private static readonly (double Small, double Medium, double Large) GenericEmployees = (20, 300, 1000);
    private static readonly (double Small, double Medium, double Large) GenericRevenue = (300, 2000, 40000);
    private static readonly (double Small, double Medium, double Large) GenericAssets = (250, 2500, 40000);

    private readonly Curve _employees;
    private readonly Curve _revenue;
    private readonly Curve _assets;

    public SizeCurves(SizeRule rule)
    {
        _employees = new Curve(rule.Thresholds(SizeMetric.Employees) ?? GenericEmployees);
        _revenue = new Curve(rule.Thresholds(SizeMetric.Revenue) ?? GenericRevenue);
        _assets = new Curve(rule.Thresholds(SizeMetric.Assets) ?? GenericAssets);
    }

    public double Employees(double z) => _employees.At(z);

    public double Revenue(double z) => _revenue.At(z);

    public double Assets(double z) => _assets.At(z);

    /// <summary>One figure's curve: a twelfth of the small threshold, the three thresholds, six times the large one.</summary>
    private sealed class Curve
    {
        private readonly double[] _logs;
        private readonly double[] _slopes = new double[4];

        public Curve((double Small, double Medium, double Large) thresholds)
        {
            _logs =
            [
                Math.Log(thresholds.Small / 12), Math.Log(thresholds.Small), Math.Log(thresholds.Medium),
                Math.Log(thresholds.Large), Math.Log(thresholds.Large * 6),
            ];
            for (var i = 0; i < _slopes.Length; i++)
            {
                _slopes[i] = (_logs[i + 1] - _logs[i]) / (AnchorZ[i + 1] - AnchorZ[i]);
            }
        }

        public double At(double z)
        {
            var i = z < AnchorZ[1] ? 0 : z < AnchorZ[2] ? 1 : z < AnchorZ[3] ? 2 : 3;
            return Math.Exp(_logs[i] + (_slopes[i] * (z - AnchorZ[i])));
        }
    }
}
