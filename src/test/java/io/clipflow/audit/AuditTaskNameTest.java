package io.clipflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTaskNameTest {

    @Test
    void theTaskIsNamedAfterTheVideo() {
        assertThat(AuditTaskName.nameFor("Audit video", "  Street food tour ")).isEqualTo("Audit video: Street food tour");
    }

    @Test
    void withoutATitleTheModelsNameStays() {
        assertThat(AuditTaskName.nameFor("Audit video", null)).isEqualTo("Audit video");
        assertThat(AuditTaskName.nameFor("Audit video", " ")).isEqualTo("Audit video");
        assertThat(AuditTaskName.nameFor("Audit video", 42)).isEqualTo("Audit video");
    }

    @Test
    void aLongTitleIsCutToTheEnginesColumnWithoutSplittingACharacter() {
        String name = AuditTaskName.nameFor("Audit video", "x".repeat(300));
        assertThat(name).hasSize(AuditTaskName.MAX_NAME).endsWith("x…");

        // a character outside the BMP straddling the cut is dropped whole, not halved
        String emoji = AuditTaskName.nameFor("Audit video", "y".repeat(240) + "😀".repeat(10));
        assertThat(emoji).endsWith("…").hasSizeLessThanOrEqualTo(AuditTaskName.MAX_NAME);
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2))).isFalse();
    }
}
