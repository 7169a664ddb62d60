using Microsoft.Identity.Client;

namespace ExecOps.Bot.Teams.Connector;

/// <summary>
/// Hands MSAL the named client <see cref="ConnectorTokens.HttpClientName"/>, so its handler (a proxy,
/// or in tests the trust in a fake token endpoint's certificate) is configured where every other
/// HttpClient is. The factory pools the handlers, so a client per call is what it is meant for.
/// </summary>
internal sealed class MsalHttpClients(IHttpClientFactory http) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => http.CreateClient(ConnectorTokens.HttpClientName);
}
