namespace Etl.Service;

/// <summary>
/// A setting of <c>etl serve</c> that cannot work (a schedule that is not a cron expression, listening beyond
/// this machine without credentials): the command stops before serving, with the message as the reason.
/// </summary>
public sealed class ServiceConfigurationException : Exception
{
    public ServiceConfigurationException()
    {
    }

    public ServiceConfigurationException(string message)
        : base(message)
    {
    }

    public ServiceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
