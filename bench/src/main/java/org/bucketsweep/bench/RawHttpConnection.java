package org.bucketsweep.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that sends unsigned requests with tiny bodies and reads the answers in order,
 * so that several requests can be on the wire at once (pipelining). Only for seeding local-s3, which checks no
 * signature: a signed SDK PUT costs the client about four times the CPU of the server's work on 2 cores.
 */
final class RawHttpConnection implements AutoCloseable {

    /** What the seeding needs of an answer. */
    record Answer(int status, String versionId) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final StringBuilder line = new StringBuilder(128);

    RawHttpConnection(URI endpoint) throws IOException {
        socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        host = endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** Queues a request; {@link #flush()} sends what is queued. {@code path} must need no URL encoding. */
    void send(String method, String path, byte[] body) throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length
                + (body.length > 0 ? "\r\nContent-Type: application/octet-stream" : "") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The next answer, in the order the requests were sent; its body is read and dropped. */
    Answer read() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = 0;
        String versionId = null;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(0, colon)).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "x-amz-version-id" -> versionId = value;
                case "transfer-encoding" -> throw new IOException("chunked answers are not supported here");
                case "connection" -> {
                    if (value.equalsIgnoreCase("close")) {
                        throw new IOException("the server closes the connection: " + statusLine);
                    }
                }
                default -> { }
            }
        }
        in.skipNBytes(length);
        return new Answer(status, versionId);
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
