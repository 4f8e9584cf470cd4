package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.SearchParameter;

/**
 * The two search parameters this server adds to CoverageEligibilityResponse, published as SearchParameter resources:
 * {@code determination} (the coverage-determination code of any item) and {@code item-code} (any item's
 * productOrService code).
 */
final class RecordSearchParameters implements IResourceProvider {

    static final String DETERMINATION = "determination";
    static final String ITEM_CODE = "item-code";

    private final FhirSettings settings;

    RecordSearchParameters(FhirSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<SearchParameter> getResourceType() {
        return SearchParameter.class;
    }

    /** GET [base]/SearchParameter/{id}. */
    @Read
    public SearchParameter read(@IdParam IdType id) {
        return all().stream().filter(p -> p.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .orElseThrow(() -> RecordReading.notFound("SearchParameter", "SearchParameter/" + id.getIdPart() + " is not known here (try "
                        + id(DETERMINATION) + " or " + id(ITEM_CODE) + ")"));
    }

    /** GET [base]/SearchParameter: both. */
    @Search
    public List<SearchParameter> all() {
        return List.of(
                parameter(DETERMINATION, "CoverageEligibilityResponse.insurance.item.extension('" + settings.determinationExtension() + "').value",
                        "Answers with at least one item whose coverage determination (the coverage-determination extension, codes of "
                                + settings.determinationCodeSystem() + ") is this code, e.g. not-covered."),
                parameter(ITEM_CODE, "CoverageEligibilityResponse.insurance.item.productOrService",
                        "Answers with at least one item for this procedure or service code (the code as asked; a system given is not compared)."));
    }

    static String id(String code) {
        return DeterminationProvider.TYPE + "-" + code;
    }

    /** The canonical URL of one of the parameters. */
    String url(String code) {
        return settings.canonicalBase() + "/SearchParameter/" + id(code);
    }

    private SearchParameter parameter(String code, String expression, String description) {
        SearchParameter parameter = new SearchParameter();
        parameter.setId(id(code));
        parameter.setUrl(url(code));
        parameter.setName(code);
        parameter.setStatus(Enumerations.PublicationStatus.ACTIVE);
        parameter.setPublisher(CoverageRestfulServer.SOFTWARE);
        parameter.setDescription(description);
        parameter.setCode(code);
        parameter.getBase().add(new CodeType(DeterminationProvider.TYPE));
        parameter.setType(Enumerations.SearchParamType.TOKEN);
        parameter.setExpression(expression);
        parameter.setXpathUsage(SearchParameter.XPathUsageType.NORMAL);
        return parameter;
    }
}
