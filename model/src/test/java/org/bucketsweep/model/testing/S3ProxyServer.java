package org.bucketsweep.model.testing;

import org.gaul.s3proxy.junit.S3ProxyExtension;

/**
 * The default test server: S3Proxy with the in-memory store (the one that supports versioning), checking SigV4
 * signatures and Content-MD5 like AWS does. A fresh empty server per test method.
 */
public final class S3ProxyServer {

    private S3ProxyServer() {
    }

    public static S3ProxyExtension extension() {
        return S3ProxyExtension.builder()
                .withBlobStoreProvider("transient")
                .withCredentials(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY)
                .build();
    }

    /**
     * As {@link #extension()}, but also taking requests signed with a session token: S3Proxy knows no tokens and
     * answers 501 NotImplemented to the {@code x-amz-security-token} header unless told to ignore unknown headers.
     * The token is still part of the SigV4 signature it checks.
     */
    public static S3ProxyExtension extensionTakingSessionTokens() {
        return S3ProxyExtension.builder()
                .withBlobStoreProvider("transient")
                .withCredentials(TestBuckets.ACCESS_KEY, TestBuckets.SECRET_KEY)
                .ignoreUnknownHeaders()
                .build();
    }
}
