package org.coverageengine.domain.broken;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.port.out.CodeCatalog;

/** Deliberately broken (test sources only): an outbound port implemented inside the domain. */
public class CatalogInTheDomain implements CodeCatalog {

    @Override
    public List<CodeEntry> entries(Code code) {
        return List.of();
    }

    @Override
    public boolean declaresComplete(CodeSystem system, LocalDate date) {
        return false;
    }

    @Override
    public List<String> completeness() {
        return List.of();
    }

    @Override
    public List<CodeEntry> search(String text, int limit) {
        return List.of();
    }

    @Override
    public Map<CodeSystem, Integer> countsBySystem() {
        return Map.of();
    }
}
