using System.Net;
using System.Net.Sockets;

namespace ExecOps.Tests.Support;

/// <summary>A port on loopback that nothing listens on now, for a process a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
