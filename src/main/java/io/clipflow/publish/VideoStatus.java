package io.clipflow.publish;

import java.util.Arrays;

/** Audit status of a video, with the codes of the old system that the {@code publish.status} column keeps. */
public enum VideoStatus {
    PENDING(1),
    APPROVED(2),
    REJECTED(3);

    private final int code;

    VideoStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static VideoStatus ofCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown video status code " + code));
    }
}
