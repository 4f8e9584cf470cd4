package org.coverageengine.domain.policy.broken;

/** Deliberately broken (test sources only): a rule part anyone could implement, so a kind could be half-added. */
public interface OpenRulePart {

    boolean applies();
}
