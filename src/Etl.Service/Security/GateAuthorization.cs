using Hangfire.Dashboard;

namespace Etl.Service.Security;

/// <summary>
/// The dashboard sits behind <see cref="AccessGate"/>, which already let the request in; Hangfire's own
/// default (local requests only) would otherwise refuse the authenticated remote users as well.
/// </summary>
public sealed class GateAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => true;
}
