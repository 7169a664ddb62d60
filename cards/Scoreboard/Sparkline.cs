namespace ExecOps.Cards.Scoreboard;

/// <summary>A trend in eight characters, drawn with the Unicode block elements; a week with no data is a middle dot.</summary>
public static class Sparkline
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static string Draw(IReadOnlyList<decimal?> values)
    {
        var known = values.OfType<decimal>().ToList();
        if (known.Count == 0) return new string('·', values.Count);
        var (low, high) = (known.Min(), known.Max());
        return string.Concat(values.Select(v => v switch
        {
            null => '·',
            _ when high == low => Bars[Bars.Length / 2],
            { } value => Bars[(int)Math.Round((value - low) / (high - low) * (Bars.Length - 1))],
        }));
    }
}
