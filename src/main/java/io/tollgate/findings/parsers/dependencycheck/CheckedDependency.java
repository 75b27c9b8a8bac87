package io.tollgate.findings.parsers.dependencycheck;

import java.util.List;

/**
 * One file or package Dependency-Check looked at, with the vulnerabilities it found in it, as both report syntaxes give
 * it. Missing values are {@code null}.
 *
 * @param fileName        Dependency-Check's display name: a jar, {@code app.ear: dom4j.jar}, or {@code name:version}
 * @param filePath        where the file was on the machine that ran the scan
 * @param packageUrl      the first package URL among its identifiers
 * @param mavenCoordinates {@code group:artifact:version}, from the identifiers of old (1.x schema) reports
 * @param vulnerabilities found and suppressed vulnerabilities
 */
record CheckedDependency(String fileName, String filePath, String packageUrl, String mavenCoordinates,
                         List<Vulnerability> vulnerabilities) {

    CheckedDependency {
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /**
     * One vulnerability of the dependency.
     *
     * @param name       its id: a CVE, an OSS Index or npm advisory id
     * @param severity   Dependency-Check's severity word, when it gives one
     * @param cvssV4     CVSS v4 base score, or {@code null}
     * @param cvssV3     CVSS v3 base score, or {@code null}
     * @param cvssV2     CVSS v2 score, or {@code null}
     * @param cwes       CWE texts as written ("CWE-611", "NVD-CWE-noinfo")
     * @param notes      the notes of a suppression rule, or of the vulnerability
     * @param references reference URLs
     * @param suppressed whether a suppression rule matched it
     */
    record Vulnerability(String name, String source, String severity, Double cvssV4, Double cvssV3, Double cvssV2,
                         List<String> cwes, String description, String notes, List<String> references, boolean suppressed) {

        Vulnerability {
            cwes = List.copyOf(cwes);
            references = List.copyOf(references);
        }
    }
}
