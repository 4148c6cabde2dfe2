import java.lang.management.ManagementFactory;
import java.util.HexFormat;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;

/**
 * jPOS side of the codec benchmark: unpacks the message the codec wrote, checks that jPOS packs
 * it back to the same bytes, then packs and unpacks it on this thread for the given time,  with
 * the same warm-up, batch and per-round check as the codec's loop (codec.measure.ts). Prints one
 * JSON line for codec.bench.ts: round trips, wall and CPU seconds (the whole JVM's, JIT and GC
 * threads included, as the codec side counts its process), and whether the bytes were equal.
 *
 * Usage: java -cp 'libs/*:classes' JposCodecBench <packager class> <message hex> <warm-up seconds> <seconds>
 */
public final class JposCodecBench {
    private static final int BATCH = 1_000;

    public static void main(String[] args) throws Exception {
        ISOPackager packager = (ISOPackager) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        byte[] wire = HexFormat.of().parseHex(args[1]);
        long warmupNanos = (long) (Double.parseDouble(args[2]) * 1e9);
        long durationNanos = (long) (Double.parseDouble(args[3]) * 1e9);

        ISOMsg message = new ISOMsg();
        message.setPackager(packager);
        message.unpack(wire);
        boolean sameBytes = java.util.Arrays.equals(message.pack(), wire);
        // Each round reads the last field of the decoded message, as the codec side does.
        int last = message.getMaxField();

        // Warm-up by time, so the JIT has compiled the hot path before the clock starts.
        long warmupEnd = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warmupEnd) for (int i = 0; i < BATCH; i++) roundTrip(message, packager, last);

        long rounds = 0;
        long found = 0;
        long cpuStarted = processCpuNanos();
        long started = System.nanoTime();
        long deadline = started + durationNanos;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < BATCH; i++) if (roundTrip(message, packager, last)) found++;
            rounds += BATCH;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        if (found != rounds) throw new IllegalStateException("a round trip lost field " + last);
        System.out.printf("{\"roundTrips\":%d,\"seconds\":%.4f,\"cpuSeconds\":%.4f,\"sameBytes\":%b,\"java\":\"%s\"}%n",
                rounds, seconds, cpuSeconds, sameBytes, System.getProperty("java.version"));
    }

    /** CPU time of the whole JVM (every thread: JIT compilers and GC included), as the codec side counts its process. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Encode (pack) then decode (unpack into a new message): what the codec does per round. */
    private static boolean roundTrip(ISOMsg message, ISOPackager packager, int last) throws Exception {
        byte[] packed = message.pack();
        ISOMsg decoded = new ISOMsg();
        decoded.setPackager(packager);
        decoded.unpack(packed);
        return decoded.hasField(last);
    }
}
