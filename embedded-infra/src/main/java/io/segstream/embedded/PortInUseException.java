package io.segstream.embedded;

/** A port the embedded infrastructure must listen on is taken: the message says which and how to change it. */
public class PortInUseException extends IllegalStateException {
    private final int port;

    public PortInUseException(String what, String host, int port, String howToChange) {
        super(what + " cannot listen on " + host + ":" + port + ": the port is already in use"
                + " (another Segstream still running? stop it, or " + howToChange + ")");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
