import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/**
 * Parses every config named in a list file with ZooKeeper's own QuorumPeerConfig, several rounds
 * in one JVM, and prints the wall time of each round in milliseconds (the first rounds warm up).
 * Usage: java -cp <zookeeper jars>:<dir> ParseAll <list-file> <rounds>
 */
public class ParseAll {
    public static void main(String[] args) throws Exception {
        List<String> paths = Files.readAllLines(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        for (int round = 0; round < rounds; round++) {
            int refused = 0;
            long start = System.nanoTime();
            for (String path : paths) {
                try {
                    new QuorumPeerConfig().parse(path);
                } catch (QuorumPeerConfig.ConfigException e) {
                    refused++;
                }
            }
            long elapsed = System.nanoTime() - start;
            System.out.println("round " + round + " ms " + (elapsed / 1_000_000.0) + " files " + paths.size() + " refused " + refused);
        }
    }
}
