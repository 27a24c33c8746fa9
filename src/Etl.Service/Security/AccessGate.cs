using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Etl.Service.Security;

/// <summary>
/// No anonymous remote access: a request from another machine must carry the configured credentials
/// (HTTP Basic, so put TLS in front when it crosses a network). Requests from this machine pass, and so
/// does <c>/healthz</c>, which says only whether the service works.
/// </summary>
public sealed class AccessGate(RequestDelegate next, ServiceOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsLocal(context.Connection.RemoteIpAddress) || context.Request.Path == "/healthz" || HasCredentials(context.Request, options))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"etl serve\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    /// <summary>
    /// Refuses to listen beyond this machine without credentials, rather than find out from the first
    /// remote request.
    /// </summary>
    public static void Validate(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var remote = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(url => !IsLoopbackUrl(url)).ToList();
        if (remote.Count > 0 && (string.IsNullOrEmpty(options.AuthUser) || string.IsNullOrEmpty(options.AuthPassword)))
        {
            throw new ServiceConfigurationException(
                $"--urls {string.Join(';', remote)} listens beyond this machine, which needs credentials: set Service:AuthUser and Service:AuthPassword " +
                "(environment Service__AuthUser, Service__AuthPassword), or listen on http://127.0.0.1:PORT");
        }
    }

    public static bool IsLoopbackUrl(string url)
    {
        // Kestrel's wildcards (http://*:80, http://+:80) are not valid URIs: they mean every address.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsLocal(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static bool HasCredentials(HttpRequest request, ServiceOptions options)
    {
        if (string.IsNullOrEmpty(options.AuthUser) || string.IsNullOrEmpty(options.AuthPassword))
        {
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{options.AuthUser}:{options.AuthPassword}");
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
