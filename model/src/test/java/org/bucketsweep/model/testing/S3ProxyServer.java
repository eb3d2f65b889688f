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
}
