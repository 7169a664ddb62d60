using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>
/// The web server every fake runs on: Kestrel on a free loopback port (and a second one with TLS when
/// given a certificate). The empty builder reads no appsettings.json, so nothing of the bot's own
/// settings (its Urls) leaks into a fake.
/// </summary>
public static class LoopbackHost
{
    public static WebApplication Create(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        var kestrel = builder.WebHost.UseKestrelCore();
        if (certificate is not null) kestrel.UseKestrelHttpsConfiguration();
        kestrel.ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            if (certificate is not null) options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddRoutingCore();
        return builder.Build();
    }

    /// <summary>Starts the app and answers its root addresses, without trailing slashes.</summary>
    public static async Task<IReadOnlyList<string>> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => a.TrimEnd('/')).ToList();
    }
}
