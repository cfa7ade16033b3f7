using System.Globalization;
using Npgsql;

namespace Jsms.Bench;

/// <summary>
/// The PostgreSQL server a bench runs against: whether it stores durably (fsync, synchronous_commit: the tests' cluster
/// runs with fsync off, which a figure for "durably stored" must not use) and, when it runs on this machine, the CPU time
/// it used (the postmaster, its live children and the children it has reaped, from /proc): with the server on the same
/// two cores, its share per position is what limits the rate.
/// </summary>
internal sealed class PostgresServer
{
    private readonly int? _postmaster;

    private PostgresServer(int? postmaster, string durability)
    {
        _postmaster = postmaster;
        Durability = durability;
    }

    /// <summary>E.g. "fsync on, synchronous_commit on, max_wal_size 1GB, checkpoint_timeout 5min, shared_buffers 128MB".</summary>
    public string Durability { get; }

    public bool IsLocal => _postmaster is not null;

    public static async Task<PostgresServer> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        // The checkpoint and memory settings beside durability: at 100,000/s the default max_wal_size (1 GB) checkpoints every
        // 20-30 s, so a figure should say which the server had (larger settings measured no better latency: docs/benchmarks/).
        var durability = $"fsync {await Show("fsync")}, synchronous_commit {await Show("synchronous_commit")}, max_wal_size {await Show("max_wal_size")}, "
            + $"checkpoint_timeout {await Show("checkpoint_timeout")}, shared_buffers {await Show("shared_buffers")}";
        try
        {
            var folder = await Show("data_directory");
            var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(folder, "postmaster.pid")))[0], CultureInfo.InvariantCulture);
            return new PostgresServer(pid, durability);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresException or FormatException)
        {
            return new PostgresServer(null, durability);
        }
    }

    /// <summary>The server's CPU time so far (zero when it does not run on this machine).</summary>
    public TimeSpan Cpu()
    {
        long ticks = 0;
        if (_postmaster is not { } postmaster)
        {
            return TimeSpan.Zero;
        }
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            // Fields after the command name in parentheses: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }
            else if (parent == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }
        // Linux reports these in clock ticks of 1/100 s.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
