package th.obec.apimr.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay in front of a real SMTP server, as a mail gateway would be: it passes every connection through to the
 * server, counts the connections clients opened, and answers {@code 550} to {@code RCPT TO} of the addresses it is
 * told to refuse (the server never sees them), as a server refuses an unknown mailbox.
 */
public final class SmtpRelay implements AutoCloseable {

    private final int port = FreePorts.any();
    private final int serverPort;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    public SmtpRelay(int serverPort) {
        this.serverPort = serverPort;
    }

    public int port() {
        return port;
    }

    /** The connections clients opened since the start or the last {@link #resetCount()}. */
    public int connections() {
        return connections.get();
    }

    public void resetCount() {
        connections.set(0);
    }

    /** Refuses the recipient with 550 from now on, until {@link #acceptAll()}. */
    public void refuse(String email) {
        refused.add(email.toLowerCase(Locale.ROOT));
    }

    public void acceptAll() {
        refused.clear();
    }

    public synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("SMTP relay cannot listen on port " + port, e);
        }
        ServerSocket accepting = listener;
        Thread acceptor = new Thread(() -> {
            while (!accepting.isClosed()) {
                try {
                    Socket client = accepting.accept();
                    connections.incrementAndGet();
                    Thread relay = new Thread(() -> relay(client), "smtp-relay-" + connections.get());
                    relay.setDaemon(true);
                    relay.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops listening: clients get "connection refused", as from a stopped server. */
    public synchronized void stop() {
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing
            }
            listener = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            OutputStream toClient = client.getOutputStream();
            Thread replies = new Thread(() -> pipe(server, toClient), "smtp-relay-replies");
            replies.setDaemon(true);
            replies.start();
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toServer = server.getOutputStream();
            boolean data = false;
            byte[] line;
            while ((line = readLine(fromClient)) != null) {
                String text = new String(line, StandardCharsets.ISO_8859_1).trim();
                if (data) {
                    data = !text.equals(".");
                } else if (text.toUpperCase(Locale.ROOT).startsWith("RCPT TO:") && refused(text)) {
                    synchronized (toClient) {
                        toClient.write("550 5.1.1 Mailbox unavailable\r\n".getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                    continue;
                } else if (text.equalsIgnoreCase("DATA")) {
                    data = true;
                }
                toServer.write(line);
                toServer.flush();
            }
        } catch (IOException connectionGone) {
            // the client or the server closed the connection
        }
    }

    private boolean refused(String rcpt) {
        int open = rcpt.indexOf('<');
        int close = rcpt.indexOf('>');
        String address = open >= 0 && close > open ? rcpt.substring(open + 1, close) : rcpt.substring(8).trim();
        return refused.contains(address.toLowerCase(Locale.ROOT));
    }

    private static void pipe(Socket server, OutputStream toClient) {
        try {
            InputStream in = server.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException connectionGone) {
            // the relay's other side ends it
        } finally {
            try {
                toClient.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** One line including its CRLF, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
