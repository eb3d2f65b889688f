package org.bucketsweep.model.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A loopback HTTP/1.1 proxy for tests that sits between an S3 client and a local S3 server
 * (S3Proxy, ...), records every request and injects faults chosen by a {@linkplain #setPolicy policy}.
 *
 * <p>Request heads and bodies are forwarded byte for byte: SigV4 signs the Host header and the
 * payload, and the upstream verifies the signature, so nothing may be rewritten. Each request gets
 * a fresh upstream connection, so upstream keep-alive state can never leak into a test.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_LINE_BYTES = 8 * 1024;
    /** Generous, but it guarantees that no connection thread blocks forever on a silent peer. */
    private static final int SOCKET_TIMEOUT_MILLIS = 60_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final InetSocketAddress upstream;
    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, Fault> policy = request -> Fault.pass();
    private volatile boolean closed;

    private FaultProxy(URI upstreamUri) throws IOException {
        String host = upstreamUri.getHost();
        if (!"http".equals(upstreamUri.getScheme()) || upstreamUri.getPort() < 0
                || !("127.0.0.1".equals(host) || "localhost".equals(host))) {
            throw new IllegalArgumentException("upstream must be http://127.0.0.1:<port>, not " + upstreamUri);
        }
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.upstream = new InetSocketAddress(loopback, upstreamUri.getPort());
        this.serverSocket = new ServerSocket(0, 50, loopback);
        threads.execute(this::acceptLoop);
    }

    /** Starts a proxy on a free 127.0.0.1 port that forwards to {@code upstream} (http://127.0.0.1:port). */
    public static FaultProxy start(URI upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    /** The endpoint clients should use, {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
    }

    /**
     * Sets the policy consulted once per request, after its body has been read. The request it is
     * given has {@link RecordedRequest#NO_RESPONSE} as status. The default policy passes everything.
     */
    public void setPolicy(Function<RecordedRequest, Fault> policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The requests seen so far, oldest first; a request is recorded before its response is sent. */
    public List<RecordedRequest> requests() {
        return List.copyOf(recorded);
    }

    public void clear() {
        recorded.clear();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        openSockets.forEach(FaultProxy::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!track(client)) {
                return;
            }
            try {
                client.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                threads.execute(() -> serveConnection(client));
            } catch (IOException | RejectedExecutionException e) {
                closeQuietly(client);
                return;
            }
        }
    }

    /**
     * Registers a socket for {@link #close()}; false (and the socket closed) if the proxy is closing.
     * close() sets the flag before it sweeps the set, so a socket can't slip between the two.
     */
    private boolean track(Socket socket) {
        openSockets.add(socket);
        if (closed) {
            closeQuietly(socket);
            return false;
        }
        return true;
    }

    private void serveConnection(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                MessageHead head = MessageHead.read(in);
                if (head == null) {
                    return; // the client closed an idle keep-alive connection
                }
                keepAlive = handle(client, head, in, out);
            }
        } catch (IOException e) {
            // The client went away, a fault reset the socket, or the proxy was closed.
        } finally {
            openSockets.remove(client);
        }
    }

    /** Serves one request; returns whether the client connection may carry another one. */
    private boolean handle(Socket client, MessageHead head, InputStream in, OutputStream out) throws IOException {
        if (head.hasToken("Expect", "100-continue")) {
            // Answer the expectation ourselves: the policy needs the whole request before it decides.
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        ByteArrayOutputStream rawBody = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (head.hasToken("Transfer-Encoding", "chunked")) {
            copyChunked(in, rawBody, body);
        } else {
            copyExactly(in, rawBody, head.contentLength());
            body = rawBody;
        }
        String[] requestLine = head.startLine().split(" ", 3);
        if (requestLine.length != 3) {
            throw new IOException("malformed request line: " + head.startLine());
        }
        RecordedRequest request = new RecordedRequest(requestLine[0], requestLine[1], head.headers(),
                body.toByteArray(), RecordedRequest.NO_RESPONSE);
        boolean isHead = request.method().equals("HEAD");
        boolean keepAlive = !head.hasToken("Connection", "close") && !requestLine[2].equals("HTTP/1.0");

        Fault fault = decide(request);
        if (fault instanceof Fault.Delay delay) {
            sleep(delay.duration());
            fault = Fault.pass();
        }
        if (fault instanceof Fault.Reset) {
            recorded.add(request);
            client.setSoLinger(true, 0); // close() then sends RST instead of FIN
            client.close();
            return false;
        }
        if (fault instanceof Fault.Status status) {
            recorded.add(request.withResponseStatus(status.status()));
            writeS3Error(out, status.status(), status.s3ErrorCode(), status.message(), isHead);
            return keepAlive;
        }
        if (fault instanceof Fault.Xml xml) {
            recorded.add(request.withResponseStatus(200));
            writeResponse(out, 200, "Content-Type: application/xml\r\n", xml.body().getBytes(StandardCharsets.UTF_8),
                    isHead);
            return keepAlive;
        }
        if (fault instanceof Fault.EmptyStatus empty) {
            recorded.add(request.withResponseStatus(empty.status()));
            StringBuilder headers = new StringBuilder();
            empty.headers().forEach((name, value) -> headers.append(name).append(": ").append(value).append("\r\n"));
            writeResponse(out, empty.status(), headers.toString(), new byte[0], isHead);
            return keepAlive;
        }
        return forward(request, head, rawBody.toByteArray(), out, isHead) && keepAlive;
    }

    private Fault decide(RecordedRequest request) {
        try {
            return Objects.requireNonNull(policy.apply(request), "the policy returned null");
        } catch (RuntimeException e) {
            // A broken policy should fail the test visibly rather than hang or drop the connection.
            return Fault.status(500, "FaultProxyPolicyError", String.valueOf(e));
        }
    }

    private boolean forward(RecordedRequest request, MessageHead head, byte[] rawBody, OutputStream out,
            boolean isHead) throws IOException {
        Socket server = new Socket();
        if (!track(server)) {
            throw new IOException("the proxy is closed");
        }
        try (server) {
            InputStream serverIn;
            MessageHead response;
            try {
                server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
                server.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                OutputStream serverOut = new BufferedOutputStream(server.getOutputStream());
                serverOut.write(head.raw());
                serverOut.write(rawBody);
                serverOut.flush();
                serverIn = new BufferedInputStream(server.getInputStream());
                response = readFinalResponseHead(serverIn);
            } catch (IOException e) {
                if (closed) {
                    throw e;
                }
                // Nothing has reached the client yet, so it can still get a clean, visible error.
                recorded.add(request.withResponseStatus(502));
                writeS3Error(out, 502, "FaultProxyUpstreamError", String.valueOf(e), isHead);
                return false;
            }
            int status = response.status();
            recorded.add(request.withResponseStatus(status));
            out.write(response.raw());
            boolean keepAlive = !response.hasToken("Connection", "close");
            if (isHead || status == 204 || status == 304) {
                // no body, whatever Content-Length says
            } else if (response.hasToken("Transfer-Encoding", "chunked")) {
                copyChunked(serverIn, out, OutputStream.nullOutputStream());
            } else if (response.header("Content-Length").isPresent()) {
                copyExactly(serverIn, out, response.contentLength());
            } else {
                serverIn.transferTo(out); // delimited by the end of the connection
                keepAlive = false;
            }
            out.flush();
            return keepAlive;
        } finally {
            openSockets.remove(server);
        }
    }

    private static MessageHead readFinalResponseHead(InputStream serverIn) throws IOException {
        MessageHead response = MessageHead.read(serverIn);
        // The client already got our own 100 Continue, so interim responses are dropped.
        while (response != null && response.status() / 100 == 1 && response.status() != 101) {
            response = MessageHead.read(serverIn);
        }
        if (response == null) {
            throw new EOFException("the upstream closed the connection without a response");
        }
        return response;
    }

    private static void writeS3Error(OutputStream out, int status, String code, String message, boolean isHead)
            throws IOException {
        String requestId = Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase(Locale.ROOT);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + escapeXml(code)
                + "</Code><Message>" + escapeXml(message) + "</Message><RequestId>" + requestId
                + "</RequestId></Error>";
        writeResponse(out, status, "Content-Type: application/xml\r\nx-amz-request-id: " + requestId + "\r\n",
                xml.getBytes(StandardCharsets.UTF_8), isHead);
    }

    private static void writeResponse(OutputStream out, int status, String extraHeaders, byte[] body,
            boolean isHead) throws IOException {
        String head = "HTTP/1.1 " + status + " Fault Injected\r\n" + extraHeaders
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!isHead) {
            out.write(body);
        }
        out.flush();
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Copies a chunked body verbatim to {@code raw} and its decoded payload to {@code decoded}. */
    private static void copyChunked(InputStream in, OutputStream raw, OutputStream decoded) throws IOException {
        while (true) {
            byte[] sizeLine = readLine(in);
            raw.write(sizeLine);
            String size = new String(sizeLine, StandardCharsets.ISO_8859_1).split(";", 2)[0].trim();
            long length;
            try {
                length = Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: " + size, e);
            }
            if (length == 0) {
                byte[] trailerLine;
                do {
                    trailerLine = readLine(in);
                    raw.write(trailerLine);
                } while (trailerLine.length > 2);
                return;
            }
            byte[] data = in.readNBytes(Math.toIntExact(length));
            if (data.length < length) {
                throw new EOFException("truncated chunk");
            }
            raw.write(data);
            decoded.write(data);
            raw.write(readLine(in)); // the CRLF that ends the chunk
        }
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new EOFException("body ended " + remaining + " bytes early");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }

    /** Reads one line including its CRLF; bounded so that garbage cannot grow it forever. */
    private static byte[] readLine(InputStream in) throws IOException {
        byte[] line = readLineOrNull(in);
        if (line == null) {
            throw new EOFException("connection ended where a line was expected");
        }
        return line;
    }

    /** As {@link #readLine}, but returns null if the stream ends before the line's first byte. */
    private static byte[] readLineOrNull(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (line.size() < MAX_LINE_BYTES) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection ended mid-line");
            }
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toByteArray();
            }
            previous = b;
        }
        throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
    }

    private static void sleep(Duration duration) throws InterruptedIOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the proxy was closed during a delay");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** A request or response head: the bytes as received, for forwarding, and their parse. */
    private record MessageHead(byte[] raw, String startLine, List<Header> headers) {

        /** Reads a head, or returns null if the stream ends cleanly before its first byte. */
        static MessageHead read(InputStream in) throws IOException {
            byte[] line = readLineOrNull(in);
            while (line != null && line.length == 2) {
                line = readLineOrNull(in); // RFC 9112 allows empty lines before a request line
            }
            if (line == null) {
                return null;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            List<String> lines = new ArrayList<>();
            while (line.length > 2) {
                raw.write(line);
                if (raw.size() > MAX_HEAD_BYTES) {
                    throw new IOException("message head larger than " + MAX_HEAD_BYTES + " bytes");
                }
                lines.add(new String(line, 0, line.length - 2, StandardCharsets.ISO_8859_1));
                line = readLine(in);
            }
            raw.write(line);
            List<Header> headers = new ArrayList<>();
            for (String headerLine : lines.subList(1, lines.size())) {
                int colon = headerLine.indexOf(':');
                if (colon > 0) {
                    headers.add(new Header(headerLine.substring(0, colon).trim(),
                            headerLine.substring(colon + 1).trim()));
                }
            }
            return new MessageHead(raw.toByteArray(), lines.get(0), headers);
        }

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }

        boolean hasToken(String name, String token) {
            return headers.stream()
                    .filter(h -> h.name().equalsIgnoreCase(name))
                    .flatMap(h -> Arrays.stream(h.value().split(",")))
                    .anyMatch(value -> value.trim().equalsIgnoreCase(token));
        }

        long contentLength() throws IOException {
            try {
                return header("Content-Length").map(String::trim).map(Long::parseLong).orElse(0L);
            } catch (NumberFormatException e) {
                throw new IOException("malformed Content-Length", e);
            }
        }

        int status() throws IOException {
            String[] parts = startLine.split(" ", 3);
            try {
                return Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                throw new IOException("malformed status line: " + startLine, e);
            }
        }
    }

    /** One header line, with its name as the client spelled it. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * One request as the client sent it.
     *
     * @param target the request target, normally the path with its query ({@code /bucket?delete})
     * @param headers the headers in order, names as sent; look them up with {@link #header(String)}
     * @param body the payload; for {@code Transfer-Encoding: chunked} the de-chunked payload (an
     *     {@code aws-chunked} Content-Encoding is left as is)
     * @param responseStatus the status sent to the client, or {@link #NO_RESPONSE}
     */
    public record RecordedRequest(String method, String target, List<Header> headers, byte[] body,
            int responseStatus) {

        /** The status of a request that the policy has yet to decide on, or whose connection was reset. */
        public static final int NO_RESPONSE = 0;

        public RecordedRequest {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            headers = List.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The target without its query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** Whether the query has this parameter, with or without a value ({@code ?delete}, {@code ?versionId=...}). */
        public boolean hasQueryParameter(String name) {
            int query = target.indexOf('?');
            return query >= 0 && Arrays.stream(target.substring(query + 1).split("&"))
                    .anyMatch(parameter -> parameter.split("=", 2)[0].equals(name));
        }

        /** The first value of a header, matched case-insensitively. */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }

        RecordedRequest withResponseStatus(int status) {
            return new RecordedRequest(method, target, headers, body, status);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RecordedRequest that && method.equals(that.method) && target.equals(that.target)
                    && headers.equals(that.headers) && Arrays.equals(body, that.body)
                    && responseStatus == that.responseStatus;
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, target, headers, Arrays.hashCode(body), responseStatus);
        }

        @Override
        public String toString() {
            return method + " " + target + " -> " + (responseStatus == NO_RESPONSE ? "no response" : responseStatus)
                    + " (" + body.length + " body bytes)";
        }
    }

    /** What the proxy does with one request. */
    public sealed interface Fault {

        /** Forward the request and relay the response. */
        static Fault pass() {
            return new Pass();
        }

        /** Answer with an S3 XML error body, without forwarding. */
        static Fault status(int status, String s3ErrorCode, String message) {
            return new Status(status, s3ErrorCode, message);
        }

        /** Answer with a status and an empty body, without forwarding (like Ceph refusing an MFA delete). */
        static Fault emptyStatus(int status) {
            return new EmptyStatus(status, Map.of());
        }

        /** {@link #emptyStatus(int)} with these headers (S3's {@code x-amz-bucket-region} on a 301, for instance). */
        static Fault emptyStatus(int status, Map<String, String> headers) {
            return new EmptyStatus(status, headers);
        }

        /**
         * Answer 200 with this XML, without forwarding: a server setting the test server cannot have (an MFA Delete
         * bucket's versioning configuration, for instance).
         */
        static Fault xml(String body) {
            return new Xml(body);
        }

        /** Reset the client connection (RST, not FIN), without forwarding. */
        static Fault reset() {
            return new Reset();
        }

        /** Wait, then forward as {@link #pass()} does. */
        static Fault delay(Duration duration) {
            return new Delay(duration);
        }

        /**
         * A policy that applies {@code fault} to the first {@code n} requests matching {@code match},
         * and passes everything else. Thread-safe: the count is shared by all connections.
         */
        static Function<RecordedRequest, Fault> firstN(int n, Predicate<RecordedRequest> match, Fault fault) {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(fault, "fault");
            AtomicInteger remaining = new AtomicInteger(n);
            return request -> match.test(request) && remaining.getAndDecrement() > 0 ? fault : pass();
        }

        /** A policy that applies {@code fault} to every request matching {@code match}, and passes the rest. */
        static Function<RecordedRequest, Fault> always(Predicate<RecordedRequest> match, Fault fault) {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(fault, "fault");
            return request -> match.test(request) ? fault : pass();
        }

        record Pass() implements Fault {
        }

        record Status(int status, String s3ErrorCode, String message) implements Fault {
            public Status {
                if (status < 200 || status > 599) {
                    throw new IllegalArgumentException("not a final status: " + status);
                }
                Objects.requireNonNull(s3ErrorCode, "s3ErrorCode");
                Objects.requireNonNull(message, "message");
            }
        }

        record EmptyStatus(int status, Map<String, String> headers) implements Fault {
            public EmptyStatus {
                if (status < 200 || status > 599) {
                    throw new IllegalArgumentException("not a final status: " + status);
                }
                headers = Map.copyOf(headers);
            }
        }

        record Reset() implements Fault {
        }

        record Xml(String body) implements Fault {
            public Xml {
                Objects.requireNonNull(body, "body");
            }
        }

        record Delay(Duration duration) implements Fault {
            public Delay {
                if (duration.isNegative()) {
                    throw new IllegalArgumentException("negative delay: " + duration);
                }
            }
        }
    }
}
