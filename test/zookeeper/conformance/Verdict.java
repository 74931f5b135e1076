import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Asks ZooKeeper's own QuorumPeerConfig whether it accepts configs, many per JVM.
 *
 * Usage: java -cp <dir of Verdict.class> Verdict <ZooKeeper class path>
 * Standard input: one case per line, "name TAB config path TAB case directory".
 * Standard output: one line per case, "VERDICT " and a JSON object:
 *   {"name":…,"outcome":"accepted","distributed":true|false}
 *   {"name":…,"outcome":"refused","chain":[{"class":…,"message":…},…]}   (the exception, then its causes)
 *   {"name":…,"outcome":"needs-cwd"}   the config names a relative path and this JVM was started elsewhere:
 *                                      run the case again in a JVM whose working directory is its case directory.
 *
 * Each case gets a new class loader over ZooKeeper's jars, so QuorumPeerConfig's static fields
 * (standaloneEnabled, reconfigEnabled) start fresh, and the system properties the parse sets are rolled back.
 */
public final class Verdict {
    private static final String[] PATH_KEYS = {"dataDir", "dataLogDir", "dynamicConfigFile"};

    public static void main(String[] args) throws Exception {
        URL[] classPath = toUrls(args[0]);
        // ZooKeeper may print on stdout; verdicts go to the stream we keep.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.US_ASCII);
        System.setOut(System.err);
        String here = new File(System.getProperty("user.dir")).getCanonicalPath();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isEmpty()) continue;
            String[] fields = line.split("\t", -1);
            String name = fields[0];
            String config = fields[1];
            String caseDir = new File(fields[2]).getCanonicalPath();
            StringBuilder json = new StringBuilder("{\"name\":").append(quote(name));
            if (!caseDir.equals(here) && namesRelativePath(config)) {
                json.append(",\"outcome\":\"needs-cwd\"");
            } else {
                judge(classPath, config, json);
            }
            out.println("VERDICT " + json.append('}'));
        }
    }

    private static void judge(URL[] classPath, String config, StringBuilder json) throws Exception {
        Properties saved = new Properties();
        saved.putAll(System.getProperties());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Class<?> type = loader.loadClass("org.apache.zookeeper.server.quorum.QuorumPeerConfig");
            Object parsed = type.getConstructor().newInstance();
            Method parse = type.getMethod("parse", String.class);
            try {
                parse.invoke(parsed, config);
                boolean distributed = (Boolean) type.getMethod("isDistributed").invoke(parsed);
                json.append(",\"outcome\":\"accepted\",\"distributed\":").append(distributed);
            } catch (InvocationTargetException thrown) {
                json.append(",\"outcome\":\"refused\",\"chain\":[");
                List<Throwable> chain = new ArrayList<>();
                for (Throwable t = thrown.getCause(); t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
                for (int i = 0; i < chain.size(); i++) {
                    Throwable t = chain.get(i);
                    if (i > 0) json.append(',');
                    json.append("{\"class\":").append(quote(t.getClass().getName()));
                    json.append(",\"message\":").append(t.getMessage() == null ? "null" : quote(t.getMessage())).append('}');
                }
                json.append(']');
            }
        } finally {
            thread.setContextClassLoader(previous);
            System.setProperties(saved);
        }
    }

    /** Whether a path the parse opens (myid under dataDir, the dynamic file) depends on the working directory. */
    private static boolean namesRelativePath(String config) {
        Properties props = new Properties();
        try (InputStream in = new FileInputStream(config)) {
            props.load(in);
        } catch (Exception unreadable) {
            // The parse fails the same way from any directory.
            return false;
        }
        for (String key : PATH_KEYS) {
            for (String found : props.stringPropertyNames()) {
                if (found.trim().equals(key) && !new File(props.getProperty(found).trim()).isAbsolute()) return true;
            }
        }
        return false;
    }

    private static URL[] toUrls(String classPath) throws Exception {
        String[] parts = classPath.split(File.pathSeparator);
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) urls[i] = new File(parts[i]).toURI().toURL();
        return urls;
    }

    /** A JSON string, ASCII only, so the platform's stdout encoding cannot mangle it. */
    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
