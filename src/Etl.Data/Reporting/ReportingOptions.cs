namespace Etl.Data.Reporting;

/// <summary>Settings of the report stores (configuration section <c>Reporting</c>).</summary>
public sealed record ReportingOptions
{
    /// <summary>
    /// A paper with more distinct authors than this forms no co-author pairs (<c>report.coauthorships</c>, the
    /// co-author counts of <c>report.authors</c>): a collaboration of 3,000 authors alone would add 4.5 million
    /// pairs, and co-authorship studies commonly leave such papers out. Its authors still count the paper. The
    /// stores keep the value they were computed with; <c>etl rebuild</c> applies a changed one.
    /// </summary>
    public int PairAuthorLimit { get; init; } = 100;
}
