namespace Etl.Cli;

internal static class ExitCodes
{
    /// <summary>Everything loaded.</summary>
    public const int Ok = 0;

    /// <summary>Bad arguments, or the database could not be reached even after retries.</summary>
    public const int Fatal = 1;

    /// <summary>Some files or entries were rejected (everything else loaded); see the output or warehouse.rejections.</summary>
    public const int Rejected = 2;
}
