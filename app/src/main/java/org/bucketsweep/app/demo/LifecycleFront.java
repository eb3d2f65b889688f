package org.bucketsweep.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback front for the demo server, which has no lifecycle support (local-s3 answers NotImplemented): it answers
 * {@code ?lifecycle} GET, PUT and DELETE from memory and relays every other request byte for byte. The rules are
 * only stored, never applied: the demo shows what would be sent and kept, and expires nothing.
 *
 * <p>One request per connection: the request head is read to see what it asks, the answer's head gets {@code
 * Connection: close}, and everything else is copied as it is. That keeps the relay free of HTTP framing and leaves
 * the server's headers exactly as they were (the SDK looks up {@code x-amz-request-id} in its exact case, which
 * rules out the JDK's HttpServer: it capitalises header names).
 * Requests are path-style ({@code /bucket/key}), as the demo connection is.
 */
final class LifecycleFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleFront.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final String NO_CONFIGURATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist"
            + "</Message><BucketName>%s</BucketName></Error>";

    private final ServerSocket listener;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "demo-lifecycle-front");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, byte[]> configurations = new ConcurrentHashMap<>();

    private LifecycleFront(URI target, Map<String, String> initial) throws IOException {
        this.upstreamPort = target.getPort();
        initial.forEach((bucket, xml) -> configurations.put(bucket, xml.getBytes(StandardCharsets.UTF_8)));
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /**
     * Starts a front on a free 127.0.0.1 port before {@code target} (http://127.0.0.1:PORT), with these
     * lifecycle configurations (XML by bucket name) to begin with.
     */
    static LifecycleFront start(URI target, Map<String, String> initial) {
        try {
            return new LifecycleFront(target, initial);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the demo's lifecycle front", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.debug("The demo's lifecycle front stopped accepting", e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String target = requestLine[1];
            int query = target.indexOf('?');
            if (query >= 0 && isLifecycle(target.substring(query + 1))) {
                byte[] body = in.readNBytes(contentLength(head));
                lifecycle(client.getOutputStream(), requestLine[0], bucketOf(target.substring(0, query)), body);
            } else {
                relay(client, in, head);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("A request through the demo's lifecycle front failed", e);
        }
    }

    /** The request line and headers up to the empty line, as ISO-8859-1 (HTTP heads are bytes). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() >= MAX_HEAD_BYTES) {
                throw new IOException("No complete request head");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    private static boolean isLifecycle(String query) {
        for (String parameter : query.split("&")) {
            if (parameter.equals("lifecycle") || parameter.startsWith("lifecycle=")) {
                return true;
            }
        }
        return false;
    }

    private static String bucketOf(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }

    private void lifecycle(OutputStream out, String method, String bucket, byte[] body) throws IOException {
        switch (method) {
            case "PUT" -> {
                configurations.put(bucket, body);
                respond(out, "200 OK", new byte[0]);
            }
            case "DELETE" -> {
                configurations.remove(bucket);
                respond(out, "204 No Content", new byte[0]);
            }
            default -> {
                byte[] stored = configurations.get(bucket);
                if (stored == null) {
                    respond(out, "404 Not Found", String.format(NO_CONFIGURATION, bucket)
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    respond(out, "200 OK", stored);
                }
            }
        }
    }

    private static void respond(OutputStream out, String status, byte[] body) throws IOException {
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /**
     * Sends the head on, then copies both ways; the final answer's head says Connection: close (local-s3 keeps
     * connections open whatever the request says), so the client sends its next request on a new connection, which
     * this front sees. The relay ends when the client has read the answer and closed.
     */
    private void relay(Socket client, InputStream in, String head) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream toServer = server.getOutputStream();
            toServer.write(head.getBytes(StandardCharsets.ISO_8859_1));
            toServer.flush();
            // The body (after a 100 Continue, if asked for) flows on its own thread; the answer on this one.
            threads.execute(() -> {
                try (server) {
                    in.transferTo(toServer);
                } catch (IOException e) {
                    // One side closed: the exchange is over.
                }
            });
            InputStream fromServer = server.getInputStream();
            OutputStream toClient = client.getOutputStream();
            String answer = readHead(fromServer);
            while (answer.startsWith("HTTP/1.1 1")) { // 100 Continue and the like: passed on as they are
                toClient.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                toClient.flush();
                answer = readHead(fromServer);
            }
            toClient.write(withConnectionClose(answer).getBytes(StandardCharsets.ISO_8859_1));
            fromServer.transferTo(toClient);
        } catch (SocketException e) {
            // The client read the answer and closed, and with it the server connection: done.
        }
    }

    private static String withConnectionClose(String head) {
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                rewritten.append(line).append("\r\n");
            }
        }
        return rewritten.append("Connection: close\r\n\r\n").toString();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("Closing the demo's lifecycle front failed", e);
        }
        threads.shutdownNow();
    }
}
