namespace Etl.Bench;

/// <summary>One statement's share of one daily load (<see cref="DatabaseTime.StatementsAsync"/>).</summary>
internal sealed record StatementTime(double ExecutionMs, double PlanningMs, long Calls)
{
    public double TotalMs => ExecutionMs + PlanningMs;
}
