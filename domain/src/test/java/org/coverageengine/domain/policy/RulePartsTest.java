package org.coverageengine.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule parts are closed families of values: a new kind has to be added to its family, with all its behaviour. */
class RulePartsTest {

    static Stream<Class<?>> ruleParts() {
        return Stream.of(Condition.class, Check.class, Effect.class);
    }

    @ParameterizedTest
    @MethodSource("ruleParts")
    void everyKindIsARecordOfASealedFamily(Class<?> family) {
        assertThat(family.isSealed()).isTrue();
        for (Class<?> kind : kinds(family)) {
            assertThat(kind.isRecord()).as(kind.getName()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("ruleParts")
    void everyKindDescribesItsOwnBehaviour(Class<?> family) {
        assertThat(kinds(family)).isNotEmpty().allSatisfy(kind -> assertThat(kind.getDeclaredMethods()).isNotEmpty());
    }

    @Test
    void aCheckThatCanMissAFactSaysItReadsOne() {
        // The engine asks for a missing fact only of checks that say they read one: a kind that names a fact must say so.
        assertThat(kinds(Check.class)).allSatisfy(kind -> assertThat(declares(kind, "readsFact")).as(kind.getSimpleName())
                .isEqualTo(declares(kind, "missingFact")));
    }

    private static boolean declares(Class<?> kind, String method) {
        return Stream.of(kind.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method));
    }

    /** The records of a family, through any sealed sub-families. */
    private static List<Class<?>> kinds(Class<?> family) {
        List<Class<?>> kinds = new ArrayList<>();
        for (Class<?> permitted : family.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                assertThat(permitted.isSealed()).as(permitted.getName()).isTrue();
                kinds.addAll(kinds(permitted));
            } else {
                kinds.add(permitted);
            }
        }
        return kinds;
    }
}
