using System.Globalization;

namespace Stepwise.DistributedMap.Bench;

internal sealed record Options(string Root, string Peers, long[] Items, string[] Modes, bool SkipPeer, string? Child)
{
    public static Options Parse(string[] args)
    {
        string root = "", peers = "";
        long[] items = [1_000_000, 100_000];
        string[] modes = ["engine"];
        bool skipPeer = false;
        string? child = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root": root = args[++i]; break;
                case "--peers": peers = args[++i]; break;
                case "--items": items = Array.ConvertAll(args[++i].Split(','), static s => long.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)); break;
                case "--modes": modes = args[++i].Split(','); break;
                case "--skip-peer": skipPeer = true; break;
                case "--child": child = args[++i]; items = [long.Parse(args[++i], CultureInfo.InvariantCulture)]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new Options(root, peers, items, modes, skipPeer, child);
    }
}
