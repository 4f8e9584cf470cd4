package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.coverageengine.domain.port.in.ReadDeterminations;
import org.coverageengine.domain.record.Page;
import org.coverageengine.domain.record.SentResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the record's read and search endpoints share: the access check for servers without tokens, the answer when
 * nothing is recorded, parsing a kept response, and the searchset Bundle with offset paging.
 */
final class RecordReading {

    /** The request attribute naming the determination a read or search is about, for its audit record. */
    static final String ENTITY_ATTRIBUTE = RecordReading.class.getName() + ".entity";

    private final FhirContext context;
    private final ReadDeterminations read;
    private final ReadAccess access;

    RecordReading(FhirContext context, ReadDeterminations read, ReadAccess access) {
        this.context = context;
        this.read = read;
        this.access = access;
    }

    ReadDeterminations read() {
        return read;
    }

    /** Refuses a reader the access rule does not let in (403), and a read of a record that is not kept (404). */
    void check(HttpServletRequest request, String type) {
        if (access == ReadAccess.LOOPBACK_ONLY && !loopback(request.getRemoteAddr())) {
            ForbiddenOperationException refused = new ForbiddenOperationException(type + " is answered only to clients on this machine");
            refused.setOperationOutcome(FhirErrors.outcome(OperationOutcome.IssueType.FORBIDDEN, null, "Without access tokens the "
                    + "determination record is answered only on a loopback address; start the server with --allow-open-read to "
                    + "open it, or with access tokens (system/" + type + ".rs)."));
            throw refused;
        }
        if (!read.available()) {
            throw notFound(type, "this server keeps no record (it was started with --store none)");
        }
    }

    static ResourceNotFoundException notFound(String type, String what) {
        ResourceNotFoundException missing = new ResourceNotFoundException(type + ": " + what);
        missing.setOperationOutcome(FhirErrors.outcome(OperationOutcome.IssueType.NOTFOUND, null, what));
        return missing;
    }

    private static boolean loopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            // An IP literal from the connection: no name lookup happens.
            return InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The kept response as a resource of its type; empty when it was not one (an answer given over CDS Hooks is kept as its JSON). */
    <T extends IBaseResource> Optional<T> parse(SentResponse sent, Class<T> type) {
        String text = new String(sent.body(), StandardCharsets.UTF_8);
        try {
            return Optional.of((xml(sent) ? context.newXmlParser() : context.newJsonParser()).parseResource(type, text));
        } catch (DataFormatException e) {
            return Optional.empty();
        }
    }

    /** What a search answers, in place of an answer that was not a FHIR resource: a note saying where to find it. */
    static OperationOutcome notAResource(String type, String id) {
        OperationOutcome note = FhirErrors.outcome(OperationOutcome.IssueType.INFORMATIONAL, null, type + "/" + id
                + " was answered over CDS Hooks, not as a " + type + "; its answer is kept as sent and its call is at AuditEvent?entity=" + id);
        note.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        return note;
    }

    static boolean xml(SentResponse sent) {
        return sent.mediaType().contains("xml");
    }

    /** A searchset Bundle of one page: total, self, and next/previous links carrying the same criteria. */
    <T> Bundle bundle(String base, String type, SearchCriteria criteria, Page<T> page, Function<T, Resource> resource) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(Integer.MAX_VALUE, page.total()));
        String url = base + "/" + type + "?";
        bundle.addLink().setRelation("self").setUrl(url + criteria.pageQuery(criteria.offset()));
        if (criteria.count() > 0 && page.hasNext()) {
            bundle.addLink().setRelation("next").setUrl(url + criteria.pageQuery(criteria.offset() + criteria.count()));
        }
        if (criteria.offset() > 0 && criteria.count() > 0) {
            bundle.addLink().setRelation("previous").setUrl(url + criteria.pageQuery(Math.max(0, criteria.offset() - criteria.count())));
        }
        List<T> items = page.items();
        for (T item : items) {
            Resource r = resource.apply(item);
            if (r instanceof OperationOutcome note) {
                bundle.addEntry().setResource(note).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
                continue;
            }
            bundle.addEntry().setFullUrl(base + "/" + type + "/" + r.getIdElement().getIdPart()).setResource(r)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
