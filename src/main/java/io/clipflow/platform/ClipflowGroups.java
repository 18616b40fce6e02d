package io.clipflow.platform;

/** The Camunda identity groups that decide what a caller may do, in every way in (Tasklist, engine REST, /api). */
public final class ClipflowGroups {

    public static final String AUDITORS = "auditors";
    public static final String CREATORS = "creators";
    public static final String BUYERS = "buyers";
    public static final String OPS = "ops";
    public static final String ADMIN = "camunda-admin";

    private ClipflowGroups() {
    }
}
