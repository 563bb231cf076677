using System.Globalization;

namespace Stepwise.Engine.Bench;

internal sealed record Options(string Workloads, string Peers, double Scale, HashSet<string>? Only, bool SkipPeer, string? Child, string? Mode, int Runs)
{
    public static Options Parse(string[] args)
    {
        string workloads = "", peers = "";
        double scale = 1;
        HashSet<string>? only = null;
        bool skipPeer = false;
        string? child = null, mode = null;
        int runs = 1;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--workloads": workloads = args[++i]; break;
                case "--peers": peers = args[++i]; break;
                case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--only": only = new HashSet<string>(args[++i].Split(','), StringComparer.Ordinal); break;
                case "--skip-peer": skipPeer = true; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--child": child = args[++i]; mode = args[++i]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (runs < 1)
        {
            throw new ArgumentException("--runs takes a count of at least 1");
        }

        return new Options(workloads, peers, scale, only, skipPeer, child, mode, runs);
    }
}
