using System.Net;
using System.Net.Sockets;

namespace Stepwise.Integrations.Tests.TestSupport;

/// <summary>
/// A loopback port that refuses connections: bound but not listening, and held until disposed, so that no server of
/// another test (a moto, a loopback server, a `stepwise serve`) can take it in the meantime, as a port merely found free
/// could be.
/// </summary>
internal sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
