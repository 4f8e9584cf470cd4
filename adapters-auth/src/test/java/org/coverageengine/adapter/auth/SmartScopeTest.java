package org.coverageengine.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartScopeTest {

    private static final RequiredAccess READ_CER = RequiredAccess.of("GET", "/CoverageEligibilityRequest/1").orElseThrow();

    @ParameterizedTest(name = "[{0}] grants $submit: {1}, reads of CoverageEligibilityRequest: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            system/CoverageEligibilityRequest.c                           | true  | false
            system/CoverageEligibilityRequest.cruds                       | true  | true
            system/CoverageEligibilityRequest.cu                          | true  | false
            system/CoverageEligibilityRequest.rs                          | false | true
            system/CoverageEligibilityRequest.r                           | false | false
            system/CoverageEligibilityRequest.r system/CoverageEligibilityRequest.s | false | true
            system/*.cud                                                  | true  | false
            system/*.cruds                                                | true  | true
            system/*.rs                                                   | false | true
            system/CoverageEligibilityRequest.write                       | true  | false
            system/CoverageEligibilityRequest.read                        | false | true
            system/CoverageEligibilityRequest.*                           | true  | true
            system/*.*                                                    | true  | true
            system/*.write                                                | true  | false
            system/CoverageEligibilityRequest.dc                          | false | false
            system/CoverageEligibilityRequest.sc                          | false | false
            system/CoverageEligibilityRequest.cc                          | false | false
            system/CoverageEligibilityRequest.                            | false | false
            system/CoverageEligibilityRequest.c?x=y                       | false | false
            system/CoverageEligibilityRequest.cruds?patient=123           | false | false
            system/*.c?category=x                                         | false | false
            system/Patient.c                                              | false | false
            system/Patient.cruds                                          | false | false
            patient/CoverageEligibilityRequest.c                          | false | false
            patient/*.cruds                                               | false | false
            user/CoverageEligibilityRequest.c                             | false | false
            user/*.write                                                  | false | false
            system/coverageEligibilityRequest.c                           | false | false
            System/CoverageEligibilityRequest.c                           | false | false
            system/CoverageEligibilityRequest.C                           | false | false
            system/CoverageEligibilityRequest.create                      | false | false
            openid fhirUser launch                                        | false | false
            system/CoverageEligibilityRequest.c?x=y system/*.rs           | false | true
            openid system/CoverageEligibilityRequest.c                    | true  | false
            ''                                                            | false | false
            """)
    void scopesGrantByParsedPermissions(String scopes, boolean submits, boolean reads) {
        GrantedScopes granted = GrantedScopes.parse(scopes);

        assertThat(granted.grant(RequiredAccess.submit())).as("$submit").isEqualTo(submits);
        assertThat(granted.grant(READ_CER)).as("read").isEqualTo(reads);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            system/CoverageEligibilityRequest.cruds | system | CoverageEligibilityRequest | CREATE READ UPDATE DELETE SEARCH | false
            system/*.rs                             | system | *                          | READ SEARCH                      | false
            user/Observation.read                   | user   | Observation                | READ SEARCH                      | false
            patient/Coverage.write                  | patient| Coverage                   | CREATE UPDATE DELETE             | false
            system/Claim.c?status=active            | system | Claim                      | CREATE                           | true
            """)
    void scopesParseIntoContextTypeAndPermissions(String scope, String context, String type, String permissions,
                                                 boolean constrained) {
        EnumSet<ScopePermission> expected = EnumSet.noneOf(ScopePermission.class);
        for (String p : permissions.split(" ")) {
            expected.add(ScopePermission.valueOf(p));
        }

        assertThat(SmartScope.parse(scope)).contains(new SmartScope(context, type, expected, constrained));
    }

    @ParameterizedTest(name = "{0} is not a resource scope")
    @CsvSource({"openid", "launch/patient", "system/Patient.dc", "system/Patient.rr", "system/Patient", "system/.c",
            "system/Patient.xyz", "admin/Patient.c", "'system/Patient.c '"})
    void malformedScopesAreNotResourceScopes(String scope) {
        assertThat(SmartScope.parse(scope)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST    | /CoverageEligibilityRequest/$submit | system/CoverageEligibilityRequest.c
            POST    | /$submit                            | system/CoverageEligibilityRequest.c
            POST    | /CoverageEligibilityRequest/$submit/ | system/CoverageEligibilityRequest.c
            GET     | /CoverageEligibilityRequest         | system/CoverageEligibilityRequest.rs
            GET     | /CoverageEligibilityRequest/abc     | system/CoverageEligibilityRequest.rs
            HEAD    | /Patient/1                          | system/Patient.rs
            POST    | /Patient/_search                    | system/Patient.rs
            POST    | /Patient                            | system/Patient.c
            PUT     | /Patient/1                          | system/Patient.u
            PATCH   | /Patient/1                          | system/Patient.u
            DELETE  | /Patient/1                          | system/Patient.d
            GET     | /Patient/$submit                    | system/Patient.rs
            POST    | /Patient/$submit                    | system/Patient.c
            OPTIONS | /metadata                           | system/*.rs
            OPTIONS | ''                                  | system/*.rs
            POST    | /metadata                           | system/*.c
            GET     | ''                                  | system/*.rs
            GET     | /_history                           | system/*.rs
            POST    | ''                                  | system/*.c
            TRACE   | /Patient                            | system/Patient.cruds
            """)
    void requestsNeedTheScopeTheirMethodAndPathSay(String method, String path, String scope) {
        assertThat(RequiredAccess.of(method, path)).map(RequiredAccess::scope).contains(scope);
    }

    @ParameterizedTest(name = "{0} {1} is open")
    @CsvSource({"GET,/metadata", "HEAD,/metadata", "GET,/metadata/", "GET,/.well-known/smart-configuration"})
    void onlyTheDiscoveryDocumentsAreOpen(String method, String path) {
        assertThat(RequiredAccess.of(method, path)).isEmpty();
    }
}
