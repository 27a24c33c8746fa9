using System.Globalization;
using System.Net;
using System.Text;

namespace Etl.Data.Reporting;

/// <summary>
/// Small, dependency-free SVG charts for the report page: every chart is an <c>&lt;svg data-chart="id"&gt;</c>
/// with a title, labelled axes, one <c>rect.bar</c> per bar or <c>circle.point</c> per point (each with a
/// tooltip <c>&lt;title&gt;</c> and its value in <c>data-value</c>), so a browser test can count them.
/// </summary>
public static class SvgChart
{
    private const int Width = 760;
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    /// <summary>Vertical bars, one per label, in the order given.</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string valueAxis)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int height = 300, left = 56, right = 16, top = 36, bottom = 96;
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        var max = NiceMax(bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var svg = Open(id, title, Width, height);
        YAxis(svg, left, top, plotWidth, plotHeight, max, valueAxis);
        var slot = bars.Count == 0 ? plotWidth : (double)plotWidth / bars.Count;
        var labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 30.0));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var barHeight = value / max * plotHeight;
            var x = left + i * slot + slot * 0.1;
            svg.Append(Invariant($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{top + plotHeight - barHeight:0.#}\" width=\"{slot * 0.8:0.#}\" height=\"{barHeight:0.#}\" fill=\"{Palette[0]}\" data-label=\"{Encode(label)}\" data-value=\"{value}\"><title>{Encode(label)}: {value:#,0.##}</title></rect>"));
            if (i % labelEvery == 0)
            {
                var cx = x + slot * 0.4;
                svg.Append(Invariant($"<text x=\"{cx:0.#}\" y=\"{top + plotHeight + 12}\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-45 {cx:0.#} {top + plotHeight + 12})\">{Encode(label)}</text>"));
            }
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars with long labels (names, metrics), top to bottom in the order given.</summary>
    public static string HorizontalBars(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string valueAxis)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int rowHeight = 22, left = 420, right = 60, top = 36, bottom = 40;
        var height = top + bottom + Math.Max(1, bars.Count) * rowHeight;
        var plotWidth = Width - left - right;
        var max = NiceMax(bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var svg = Open(id, title, Width, height);
        var axisY = top + bars.Count * rowHeight;
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{axisY}\" stroke=\"#333\"/>"));
        svg.Append(Invariant($"<text x=\"{left + plotWidth / 2}\" y=\"{axisY + 28}\" font-size=\"12\" text-anchor=\"middle\">{Encode(valueAxis)}</text>"));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + i * rowHeight;
            var length = value / max * plotWidth;
            svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 15}\" font-size=\"11\" text-anchor=\"end\">{Encode(label)}</text>"));
            svg.Append(Invariant($"<rect class=\"bar\" x=\"{left}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{rowHeight - 6}\" fill=\"{Palette[0]}\" data-label=\"{Encode(label)}\" data-value=\"{value}\"><title>{Encode(label)}: {value:#,0.##}</title></rect>"));
            svg.Append(Invariant($"<text x=\"{left + length + 4:0.#}\" y=\"{y + 15}\" font-size=\"12\">{value:#,0.##}</text>"));
        }

        return Close(svg);
    }

    /// <summary>One line per series over shared x labels, a point per value, with a legend.</summary>
    public static string Lines(string id, string title, IReadOnlyList<string> xLabels, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string valueAxis)
    {
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(series);
        const int height = 320, left = 56, right = 150, top = 36, bottom = 80;
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        var max = NiceMax(series.Count == 0 ? 0 : series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, Width, height);
        YAxis(svg, left, top, plotWidth, plotHeight, max, valueAxis);
        double X(int i) => xLabels.Count <= 1 ? left + plotWidth / 2.0 : left + (double)i * plotWidth / (xLabels.Count - 1);
        double Y(double v) => top + plotHeight - v / max * plotHeight;
        var labelEvery = Math.Max(1, (int)Math.Ceiling(xLabels.Count / 24.0));
        for (var i = 0; i < xLabels.Count; i += labelEvery)
        {
            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{top + plotHeight + 12}\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-45 {X(i):0.#} {top + plotHeight + 12})\">{Encode(xLabels[i])}</text>"));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var (name, values) = series[s];
            var color = Palette[s % Palette.Length];
            var points = string.Join(' ', values.Select((v, i) => Invariant($"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>"));
            for (var i = 0; i < values.Count; i++)
            {
                svg.Append(Invariant($"<circle class=\"point\" cx=\"{X(i):0.#}\" cy=\"{Y(values[i]):0.#}\" r=\"3\" fill=\"{color}\" data-series=\"{Encode(name)}\" data-value=\"{values[i]}\"><title>{Encode(name)} {Encode(xLabels[i])}: {values[i]:#,0.##}</title></circle>"));
            }

            var legendY = top + 8 + s * 18;
            svg.Append(Invariant($"<rect x=\"{left + plotWidth + 16}\" y=\"{legendY - 9}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{left + plotWidth + 34}\" y=\"{legendY + 1}\" font-size=\"12\">{Encode(name)}</text>"));
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, int width, int height) =>
        new StringBuilder().Append(Invariant(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"{Encode(id)}\" role=\"img\" aria-label=\"{Encode(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">"))
            .Append(Invariant($"<text x=\"{width / 2}\" y=\"20\" font-size=\"15\" font-weight=\"bold\" text-anchor=\"middle\">{Encode(title)}</text>"));

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void YAxis(StringBuilder svg, int left, int top, int plotWidth, int plotHeight, double max, string label)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = top + plotHeight - (double)plotHeight * tick / 4;
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{value:#,0.##}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#333\"/>"));
        svg.Append(Invariant($"<text x=\"14\" y=\"{top + plotHeight / 2}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {top + plotHeight / 2})\">{Encode(label)}</text>"));
    }

    /// <summary>A round axis maximum at or above the largest value (1 for empty or all-zero charts).</summary>
    internal static double NiceMax(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(step => step * magnitude).First(candidate => candidate >= max);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
