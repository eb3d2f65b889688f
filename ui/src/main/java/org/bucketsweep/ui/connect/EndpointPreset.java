package org.bucketsweep.ui.connect;

import java.util.List;

/** Common endpoints, so that nobody has to look up a URL to get started. */
public record EndpointPreset(String label, String endpoint, String region, boolean pathStyle) {

    public static final List<EndpointPreset> ALL = List.of(
            new EndpointPreset("AWS S3 (endpoint from the region)", "", "", false),
            new EndpointPreset("IBM Cloud Object Storage, us-south", "https://s3.us-south.cloud-object-storage.appdomain.cloud", "us-south", false),
            new EndpointPreset("IBM Cloud Object Storage, eu-de", "https://s3.eu-de.cloud-object-storage.appdomain.cloud", "eu-de", false),
            new EndpointPreset("IBM Cloud Object Storage, us-geo (cross-region)", "https://s3.us.cloud-object-storage.appdomain.cloud", "us-geo", false),
            new EndpointPreset("MinIO on this computer", "http://127.0.0.1:9000", "us-east-1", true),
            new EndpointPreset("Ceph RGW on this computer", "http://127.0.0.1:7480", "us-east-1", true));

    @Override
    public String toString() {
        return label;
    }
}
