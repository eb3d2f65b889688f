package org.bucketsweep.model.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for STS's AssumeRole, for role profiles: no S3-compatible test server offers STS. It records
 * each request's form parameters and answers with fixed keys (those of the S3 test server), so that a test can check
 * what the app sent to STS and then use the role's keys against the real S3 test server.
 */
public final class StsStandIn implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    private StsStandIn(String accessKeyId, String secretKey, String sessionToken) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(form(body));
            byte[] answer = ("""
                    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <AssumeRoleResult>
                        <Credentials>
                          <AccessKeyId>%s</AccessKeyId>
                          <SecretAccessKey>%s</SecretAccessKey>
                          <SessionToken>%s</SessionToken>
                          <Expiration>2099-01-01T00:00:00Z</Expiration>
                        </Credentials>
                        <AssumedRoleUser>
                          <AssumedRoleId>AROATEST:bucketsweep</AssumedRoleId>
                          <Arn>arn:aws:sts::111122223333:assumed-role/dev/bucketsweep</Arn>
                        </AssumedRoleUser>
                      </AssumeRoleResult>
                      <ResponseMetadata><RequestId>sts-stand-in</RequestId></ResponseMetadata>
                    </AssumeRoleResponse>
                    """.formatted(accessKeyId, secretKey, sessionToken)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public static StsStandIn start(String accessKeyId, String secretKey, String sessionToken) throws IOException {
        return new StsStandIn(accessKeyId, secretKey, sessionToken);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Each AssumeRole request's form parameters, oldest first. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
