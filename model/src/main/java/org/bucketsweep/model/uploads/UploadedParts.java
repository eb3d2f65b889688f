package org.bucketsweep.model.uploads;

/** The parts of an incomplete multipart upload: how many, and the bytes they hold (what S3 bills). */
public record UploadedParts(int count, long bytes) {

    public static final UploadedParts NONE = new UploadedParts(0, 0);
}
