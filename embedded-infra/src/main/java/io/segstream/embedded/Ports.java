package io.segstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before a server starts, so a conflict is a clear message and not a bind stack trace. */
public final class Ports {
    private Ports() {
    }

    /** An ephemeral port that was free a moment ago (for tests, which pass it straight to a server). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(String what, String host, int port, String howToChange) {
        if (!isFree(host, port)) {
            throw new PortInUseException(what, host, port, howToChange);
        }
    }
}
