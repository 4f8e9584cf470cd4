package org.coverageengine.adapter.fhir;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.PaymentTypology;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.determination.Sex;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps a parsed $submit body (request, Bundle or Parameters) to the domain's request: date of service, line of
 * business ({@link PaymentTypology}), attestations, and one line per coded item, references resolved by
 * {@link ReferenceResolver}. Every error names its element path.
 */
final class RequestMapper {

    private final FhirSettings settings;

    RequestMapper(FhirSettings settings) {
        this.settings = settings;
    }

    MappedRequest toDomain(IBaseResource body) {
        ReferenceResolver.Located located = ReferenceResolver.locate(body);
        return map(located.request(), located.path(), located.references());
    }

    private MappedRequest map(CoverageEligibilityRequest request, String path, ReferenceResolver resolver) {
        List<String> notices = new ArrayList<>();
        if (request.getItem().size() > settings.maxItems()) {
            throw FhirErrors.tooLarge(path + ".item", "the request has " + request.getItem().size() + " items; the limit is " + settings.maxItems());
        }
        LocalDate date = dateOfService(request, path);
        LineOfBusiness lob = lineOfBusiness(request, path, resolver, notices);
        Set<String> attested = attestations(request, path, resolver);
        List<RequestedLine> lines = new ArrayList<>();
        int[] lineOfItem = new int[request.getItem().size()];
        for (int i = 0; i < request.getItem().size(); i++) {
            CoverageEligibilityRequest.DetailsComponent item = request.getItem().get(i);
            String itemPath = path + ".item[" + i + "]";
            if (!item.hasProductOrService()) {
                if (!item.hasCategory()) {
                    throw FhirErrors.badRequest(itemPath, "an item needs a productOrService (CPT or HCPCS code) or a category");
                }
                lineOfItem[i] = -1;
                continue;
            }
            lineOfItem[i] = lines.size();
            lines.add(new RequestedLine(i + 1, procedure(item.getProductOrService()), quantity(item, itemPath), modifiers(item),
                    diagnoses(item, itemPath, resolver)));
        }
        CoverageRequest domain = lines.isEmpty() ? null
                : new CoverageRequest(date, lob, lines, attested, patient(request, path, resolver), placeOfService(request, path, resolver));
        return new MappedRequest(request, path, domain, lineOfItem, notices);
    }

    /** The CMS place-of-service system, as US Core and the CARIN/Da Vinci guides name it. */
    static final String PLACE_OF_SERVICE_SYSTEM = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    /** Birth date, gender and reference of the request's Patient, when the request includes it; else nothing is known. */
    private static PatientFacts patient(CoverageEligibilityRequest request, String path, ReferenceResolver resolver) {
        Optional<Resource> resource = resolveOptional(request.getPatient(), path + ".patient", resolver);
        String id = request.getPatient().hasReference() ? request.getPatient().getReference() : null;
        if (resource.isEmpty() || !(resource.get() instanceof Patient patient)) {
            return new PatientFacts(id, null, null, null);
        }
        LocalDate birthDate = null;
        if (patient.hasBirthDateElement() && patient.getBirthDateElement().getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            String text = patient.getBirthDateElement().getValueAsString();
            try {
                birthDate = LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw FhirErrors.badRequest(path + ".patient -> Patient.birthDate", "the birth date is not a date: '" + text + "'");
            }
        }
        Sex sex = patient.hasGender() ? Sex.parse(patient.getGender().toCode()).orElse(null) : null;
        return new PatientFacts(id != null ? id : patient.getIdElement().getIdPart(), birthDate, null, sex);
    }

    /** The CMS place-of-service code of the request's facility, else of the first item's facility, or null. */
    private static String placeOfService(CoverageEligibilityRequest request, String path, ReferenceResolver resolver) {
        String place = placeOf(request.getFacility(), path + ".facility", resolver);
        for (int i = 0; place == null && i < request.getItem().size(); i++) {
            place = placeOf(request.getItem().get(i).getFacility(), path + ".item[" + i + "].facility", resolver);
        }
        return place;
    }

    private static String placeOf(Reference facility, String where, ReferenceResolver resolver) {
        Optional<Resource> resource = resolveOptional(facility, where, resolver);
        if (resource.isEmpty() || !(resource.get() instanceof Location location)) {
            return null;
        }
        for (int t = 0; t < location.getType().size(); t++) {
            for (Coding coding : location.getType().get(t).getCoding()) {
                if (PLACE_OF_SERVICE_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                    if (!coding.getCode().matches("\\d{2}")) {
                        throw FhirErrors.badRequest(where + " -> Location.type[" + t + "]", "a CMS place-of-service code is two digits, was '"
                                + coding.getCode() + "'");
                    }
                    return coding.getCode();
                }
            }
        }
        return null;
    }

    /** A reference the engine can do without: one it cannot resolve leaves the fact missing rather than failing the request. */
    private static Optional<Resource> resolveOptional(Reference reference, String where, ReferenceResolver resolver) {
        try {
            return resolver.resolve(reference, where, false);
        } catch (ca.uhn.fhir.rest.server.exceptions.InvalidRequestException e) {
            return Optional.empty();
        }
    }

    private static LocalDate dateOfService(CoverageEligibilityRequest request, String path) {
        String text = null;
        String where = path + ".servicedDate";
        if (request.hasServicedDateType()) {
            text = request.getServicedDateType().getValueAsString();
        } else if (request.hasServicedPeriod() && request.getServicedPeriod().hasStart()) {
            text = request.getServicedPeriod().getStartElement().getValueAsString();
            where = path + ".servicedPeriod.start";
        }
        if (text == null) {
            return null;
        }
        if (text.length() < 10) {
            throw FhirErrors.badRequest(where, "the date of service must be a full date (YYYY-MM-DD), was '" + text + "'");
        }
        try {
            // YYYY-MM-DD read by hand: java.time's formatter costs 1-2 us, a few percent of a small exchange.
            if (text.charAt(4) != '-' || text.charAt(7) != '-') {
                throw new DateTimeException("not YYYY-MM-DD");
            }
            int year = digits(text, 0, 4);
            if (year == 0) {
                throw new DateTimeException("FHIR's date type has no year 0000");
            }
            return LocalDate.of(year, digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw FhirErrors.badRequest(where, "the date of service is not a date: '" + text + "'");
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit at " + i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private LineOfBusiness lineOfBusiness(CoverageEligibilityRequest request, String path, ReferenceResolver resolver, List<String> notices) {
        for (int i = 0; i < request.getInsurance().size(); i++) {
            CoverageEligibilityRequest.InsuranceComponent insurance = request.getInsurance().get(i);
            if (request.getInsurance().size() > 1 && !insurance.getFocal()) {
                continue;
            }
            Optional<Resource> coverage = resolver.resolve(insurance.getCoverage(), path + ".insurance[" + i + "].coverage", false);
            if (coverage.isEmpty()) {
                if (insurance.getCoverage().hasReference()) {
                    notices.add("The Coverage " + insurance.getCoverage().getReference()
                            + " is not included in the request (contained or in the Bundle), so its type could not be read.");
                }
                return null;
            }
            if (!(coverage.get() instanceof Coverage resolved)) {
                throw FhirErrors.badRequest(path + ".insurance[" + i + "].coverage", "the reference does not point to a Coverage but to a "
                        + coverage.get().fhirType());
            }
            if (!resolved.hasType()) {
                notices.add("The Coverage has no type.");
                return null;
            }
            Coding known = null;
            for (Coding coding : resolved.getType().getCoding()) {
                Optional<LineOfBusiness> lob = PaymentTypology.lineOfBusiness(coding.getSystem(), coding.getCode());
                if (lob.isPresent()) {
                    return lob.get();
                }
                if (known == null && PaymentTypology.knows(coding.getSystem())) {
                    known = coding;
                }
            }
            notices.add(known != null ? PaymentTypology.unmappedNotice(known.getSystem(), known.getCode()) : "The Coverage type (" + describe(resolved.getType())
                    + ") is not a Source of Payment Typology or v3 ActCode code the engine maps to a line of business: COMMERCIAL assumed.");
            return LineOfBusiness.COMMERCIAL;
        }
        return null;
    }

    private Set<String> attestations(CoverageEligibilityRequest request, String path, ReferenceResolver resolver) {
        Set<String> attested = new LinkedHashSet<>();
        for (int i = 0; i < request.getSupportingInfo().size(); i++) {
            String where = path + ".supportingInfo[" + i + "].information";
            Optional<Resource> info = resolver.resolve(request.getSupportingInfo().get(i).getInformation(), where, true);
            if (info.isPresent() && info.get() instanceof Observation observation) {
                boolean met = !observation.hasValue() || observation.hasValueBooleanType() && observation.getValueBooleanType().booleanValue();
                for (Coding coding : observation.getCode().getCoding()) {
                    if (met && settings.criteriaCodeSystem().equals(coding.getSystem()) && coding.hasCode()) {
                        attested.add(coding.getCode());
                    }
                }
            }
        }
        return attested;
    }

    private static CodeText procedure(CodeableConcept concept) {
        Coding unknown = null;
        for (Coding coding : concept.getCoding()) {
            if (!coding.hasCode()) {
                continue;
            }
            if (!coding.hasSystem()) {
                return CodeText.procedure(coding.getCode());
            }
            Optional<CodeSystem> system = CodeSystem.fromUri(coding.getSystem());
            if (system.isPresent() && system.get().isProcedure()) {
                return new CodeText(system.get(), coding.getCode());
            }
            if (unknown == null) {
                unknown = coding;
            }
        }
        if (unknown != null) {
            return CodeText.inUnsupportedSystem(unknown.getSystem(), unknown.getCode());
        }
        return CodeText.inUnsupportedSystem(null, concept.hasText() ? concept.getText() : "");
    }

    private static int quantity(CoverageEligibilityRequest.DetailsComponent item, String path) {
        if (!item.hasQuantity() || !item.getQuantity().hasValue()) {
            return 1;
        }
        BigDecimal value = item.getQuantity().getValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw FhirErrors.badRequest(path + ".quantity.value", "the quantity must be a whole number of units from 1 to 100000, was "
                    + value.toPlainString());
        }
        return value.intValueExact();
    }

    private static List<String> modifiers(CoverageEligibilityRequest.DetailsComponent item) {
        List<String> modifiers = new ArrayList<>();
        for (CodeableConcept modifier : item.getModifier()) {
            for (Coding coding : modifier.getCoding()) {
                if (coding.hasCode()) {
                    modifiers.add(coding.getCode());
                }
            }
        }
        return modifiers;
    }

    private static List<CodeText> diagnoses(CoverageEligibilityRequest.DetailsComponent item, String path, ReferenceResolver resolver) {
        List<CodeText> diagnoses = new ArrayList<>();
        for (int d = 0; d < item.getDiagnosis().size(); d++) {
            CoverageEligibilityRequest.DiagnosisComponent diagnosis = item.getDiagnosis().get(d);
            String where = path + ".diagnosis[" + d + "]";
            if (diagnosis.hasDiagnosisCodeableConcept()) {
                diagnoses.add(diagnosis(diagnosis.getDiagnosisCodeableConcept(), where + ".diagnosisCodeableConcept"));
            } else if (diagnosis.hasDiagnosisReference()) {
                Resource resource = resolver.resolve(diagnosis.getDiagnosisReference(), where + ".diagnosisReference", true).orElseThrow();
                if (!(resource instanceof Condition condition)) {
                    throw FhirErrors.badRequest(where + ".diagnosisReference", "the reference does not point to a Condition but to a "
                            + resource.fhirType());
                }
                diagnoses.add(diagnosis(condition.getCode(), where + ".diagnosisReference -> Condition.code"));
            } else {
                throw FhirErrors.badRequest(where, "a diagnosis needs diagnosisCodeableConcept or diagnosisReference");
            }
        }
        return diagnoses;
    }

    private static CodeText diagnosis(CodeableConcept concept, String where) {
        Coding other = null;
        for (Coding coding : concept.getCoding()) {
            if (!coding.hasCode()) {
                continue;
            }
            if (!coding.hasSystem() || CodeSystem.fromUri(coding.getSystem()).orElse(null) == CodeSystem.ICD10CM) {
                return CodeText.diagnosis(coding.getCode());
            }
            if (other == null) {
                other = coding;
            }
        }
        if (other != null) {
            return CodeText.inUnsupportedSystem(other.getSystem(), other.getCode());
        }
        throw FhirErrors.badRequest(where, "the diagnosis has no coded value (expected an ICD-10-CM coding)");
    }

    private static String describe(CodeableConcept concept) {
        List<String> parts = new ArrayList<>();
        for (Coding coding : concept.getCoding()) {
            parts.add((coding.hasSystem() ? coding.getSystem() + "|" : "") + coding.getCode());
        }
        return parts.isEmpty() ? concept.getText() : String.join(", ", parts);
    }
}
