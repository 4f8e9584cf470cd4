package org.coverageengine.app;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coverageengine.adapter.web.RecordedDeterminations;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.port.in.ReadDeterminations;
import org.coverageengine.domain.record.DeterminationQuery;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;

/**
 * The web pages' view of the determination record: each kept answer with lines becomes the request and decision the
 * /determinations pages show, rebuilt from what the record holds (an answer without lines, such as a refused request's
 * error, has nothing to show and is left out). Dates are days in UTC.
 */
final class DeterminationHistory implements RecordedDeterminations {

    private final ReadDeterminations read;

    DeterminationHistory(ReadDeterminations read) {
        this.read = read;
    }

    @Override
    public List<Entry> find(Query query, int limit) {
        DeterminationQuery search = DeterminationQuery.all(DeterminationQuery.MAX_LIMIT);
        if (query.code() != null) {
            search = search.withItemCode(query.code());
        }
        if (query.outcome() != null) {
            search = search.withLineOutcome(query.outcome());
        }
        search = search.createdBetween(query.from() == null ? null : query.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                query.to() == null ? null : query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Entry> entries = new ArrayList<>();
        int offset = 0;
        while (entries.size() < limit) {
            // Pages of the store's largest size: the charts want up to tens of thousands of entries.
            Page<RecordedDetermination> page = read.search(search.page(offset, Math.min(DeterminationQuery.MAX_LIMIT, limit - entries.size())));
            page.items().stream().map(DeterminationHistory::entry).flatMap(Optional::stream).forEach(entries::add);
            if (!page.hasNext() || page.items().isEmpty()) {
                break;
            }
            offset += page.items().size();
        }
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    @Override
    public Optional<Entry> byId(String id) {
        return read.read(id).flatMap(DeterminationHistory::entry);
    }

    static Optional<Entry> entry(RecordedDetermination kept) {
        if (kept.lines().isEmpty() || kept.lineOfBusiness() == null) {
            return Optional.empty();
        }
        List<RequestedLine> asked = new ArrayList<>();
        List<Determination> answered = new ArrayList<>();
        for (RecordedLine line : kept.lines()) {
            CodeSystem system = system(line.system());
            List<CodeText> diagnoses = line.diagnoses().stream().map(CodeText::diagnosis).toList();
            asked.add(new RequestedLine(line.sequence(), system == null ? CodeText.procedure(line.code()) : new CodeText(system, line.code()),
                    line.units(), line.modifiers(), diagnoses));
            answered.add(new Determination(line.sequence(), line.code(), system, null, line.outcome(), line.reasons(), line.citations(),
                    List.of(), null, line.units(), line.priorAuthorizationRequired(), line.modifiers()));
        }
        LocalDate dateOfService = kept.dateOfService();
        // The record keeps no attestations or notices: the pages show none rather than guess.
        CoverageRequest request = new CoverageRequest(dateOfService, kept.lineOfBusiness(), asked, java.util.Set.of());
        CoverageDecision decision = new CoverageDecision(kept.knowledgeVersion(), dateOfService, false, kept.lineOfBusiness(), false,
                answered, List.of());
        return Optional.of(new Entry(kept.id(), kept.created(), kept.took(), request, decision));
    }

    private static CodeSystem system(String name) {
        if (name == null) {
            return null;
        }
        for (CodeSystem system : CodeSystem.values()) {
            if (system.name().equals(name)) {
                return system;
            }
        }
        return null;
    }
}
