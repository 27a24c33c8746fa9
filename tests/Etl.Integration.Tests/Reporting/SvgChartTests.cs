using System.Text.RegularExpressions;
using Etl.Data.Reporting;
using Xunit;

namespace Etl.Integration.Tests.Reporting;

public sealed class SvgChartTests
{
    [Fact]
    public void Bars_draw_one_bar_per_value_and_escape_labels()
    {
        var svg = SvgChart.Bars("demo", "A <b> title", [("<script>", 3), ("b & c", 0), ("d", 12.5)], "papers");

        Assert.Equal(3, Regex.Count(svg, "<rect class=\"bar\""));
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"demo\"", svg, StringComparison.Ordinal);
        Assert.Contains("data-value=\"12.5\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_draw_one_point_per_value_of_every_series()
    {
        var svg = SvgChart.Lines("trend", "Trend", ["2020-09", "2020-10", "2020-11"], [("cs.CV", [1, 2, 3]), ("cs.LG", [0, 0, 5])], "papers");

        Assert.Equal(6, Regex.Count(svg, "<circle class=\"point\""));
        Assert.Equal(2, Regex.Count(svg, "<polyline"));
    }

    [Fact]
    public void Empty_charts_still_render()
    {
        Assert.Equal(0, Regex.Count(SvgChart.HorizontalBars("none", "Nothing yet", [], "count"), "class=\"bar\""));
        Assert.Equal(0, Regex.Count(SvgChart.Lines("none", "Nothing yet", [], [], "count"), "class=\"point\""));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(12.5, 20)]
    [InlineData(21, 25)]
    [InlineData(64, 100)]
    [InlineData(0.3, 0.5)]
    public void The_axis_ends_at_a_round_number_at_or_above_the_largest_value(double max, double expected) =>
        Assert.Equal(expected, SvgChart.NiceMax(max), 9);
}
