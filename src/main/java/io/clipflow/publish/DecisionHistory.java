package io.clipflow.publish;

import java.util.List;

/**
 * Where a video's decisions are kept, for showing them with the video. The audit feature, which records them,
 * provides the bean; publishing only reads through it (it does not depend on the audit feature).
 */
public interface DecisionHistory {

    /** The decisions on the video {@code code}, oldest first. */
    List<Decision> of(String code);
}
