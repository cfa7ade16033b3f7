using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// A hostile or broken TAXII partner: it answers its first request with 200 OK, no Content-Length, then a JSON document
/// that begins with <c>start</c> and never ends (2 MB of spaces sent, more than the tests' 1 MB limit).
/// </summary>
internal sealed class EndlessTaxiiRemote : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public EndlessTaxiiRemote(string start)
    {
        _listener.Start();
        Served = Task.Run(async () =>
        {
            using var connection = await _listener.AcceptTcpClientAsync();
            await using var stream = connection.GetStream();
            var request = new byte[8192];
            _ = await stream.ReadAsync(request);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/taxii+json;version=2.1\r\nConnection: close\r\n\r\n" + start));
            var filler = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            try
            {
                for (var sent = 0; sent < 2 * 1024 * 1024; sent += filler.Length)
                {
                    await stream.WriteAsync(filler);
                }
            }
            catch (IOException)
            {
                // The reader stops at its limit and closes the connection.
            }
        });
    }

    /// <summary>Completes when the answer is sent or the reader hung up.</summary>
    public Task Served { get; }

    public string ApiRootUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/taxii2/api/";

    public void Dispose() => _listener.Dispose();
}
