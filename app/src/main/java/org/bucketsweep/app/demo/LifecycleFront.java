package org.bucketsweep.app.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP front for the demo server, which has no lifecycle support (local-s3 answers NotImplemented): it
 * answers {@code ?lifecycle} GET, PUT and DELETE from memory and forwards every other request unchanged. The rules
 * are only stored, never applied: the demo shows what would be sent and kept, and expires nothing.
 *
 * <p>Forwarding changes the Host header, which matters only to a server that checks signatures; local-s3 checks
 * none. Requests are path-style ({@code /bucket/key}), as the demo connection is.
 */
final class LifecycleFront implements AutoCloseable {

    /** Headers the JDK's HTTP client sets itself (it refuses them), or that describe one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "date", "from", "via", "warning");
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);
    private static final String NO_CONFIGURATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist"
            + "</Message><BucketName>%s</BucketName></Error>";

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient upstream;
    private final URI target;
    private final Map<String, byte[]> configurations = new ConcurrentHashMap<>();

    private LifecycleFront(URI target) throws IOException {
        this.target = target;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "demo-lifecycle-front");
            thread.setDaemon(true);
            return thread;
        });
        this.upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a front on a free 127.0.0.1 port before {@code target} (http://127.0.0.1:PORT). */
    static LifecycleFront start(URI target) {
        try {
            return new LifecycleFront(target);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the demo's lifecycle front", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && isLifecycle(query)) {
                lifecycle(exchange, bucketOf(exchange.getRequestURI().getRawPath()), body);
            } else {
                forward(exchange, body);
            }
        }
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

    private void lifecycle(HttpExchange exchange, String bucket, byte[] body) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                configurations.put(bucket, body);
                exchange.sendResponseHeaders(200, -1);
            }
            case "DELETE" -> {
                configurations.remove(bucket);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> {
                byte[] stored = configurations.get(bucket);
                int status = stored == null ? 404 : 200;
                byte[] answer = stored != null ? stored
                        : String.format(NO_CONFIGURATION, bucket).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = URI.create(target + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(UPSTREAM_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding to the demo server", e);
        }
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        byte[] answer = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            // A HEAD answer carries the object's length but no body.
            response.headers().firstValue("Content-Length").ifPresent(length -> headers.set("Content-Length",
                    length));
        }
        exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
        if (!head && answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
