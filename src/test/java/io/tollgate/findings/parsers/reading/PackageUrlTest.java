package io.tollgate.findings.parsers.reading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PackageUrlTest {

    @Test
    void mavenPackagesAreNamedGroupColonArtifact() {
        PackageUrl purl = PackageUrl.parse("pkg:maven/org.dom4j/dom4j@2.1.1.redhat-00001?type=jar").orElseThrow();

        assertThat(purl.packageName()).isEqualTo("org.dom4j:dom4j");
        assertThat(purl.version()).isEqualTo("2.1.1.redhat-00001");
    }

    @Test
    void scopedNpmPackagesKeepTheirScope() {
        PackageUrl purl = PackageUrl.parse("pkg:npm/%40aws-sdk/client-s3@3.540.0").orElseThrow();

        assertThat(purl.packageName()).isEqualTo("@aws-sdk/client-s3");
        assertThat(purl.version()).isEqualTo("3.540.0");
    }

    @Test
    void aPackageWithoutVersionOrNamespaceIsStillAPackage() {
        PackageUrl purl = PackageUrl.parse("pkg:pypi/boto3").orElseThrow();

        assertThat(purl.packageName()).isEqualTo("boto3");
        assertThat(purl.version()).isNull();
    }

    @Test
    void otherTextIsNotAPackageUrl() {
        assertThat(PackageUrl.parse("cpe:2.3:a:fasterxml:jackson-databind:2.9.10:*:*:*:*:*:*:*")).isEmpty();
        assertThat(PackageUrl.parse(null)).isEmpty();
    }
}
