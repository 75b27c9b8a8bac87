package io.tollgate.ci.web;

import io.tollgate.web.PublicUrl;

/**
 * The copy-paste snippets of a team's CI page, filled in with the team's slug and Tollgate's public address (a
 * placeholder while tollgate.public-url is unset: never the Host a request named). They call
 * docs/ci/tollgate-upload.sh, which a test runs as published.
 */
public record Snippets(String url, String shell, String githubActions, String gitlab, boolean placeholderUrl) {

    static Snippets of(String team, PublicUrl publicUrl) {
        String url = publicUrl.forSnippets();
        String shell = """
                export TOLLGATE_URL=%s
                export TOLLGATE_TEAM=%s
                export TOLLGATE_SECRET=whsec_...   # or TOLLGATE_TOKEN=tgt_...
                export TOLLGATE_ENVIRONMENT=dev TOLLGATE_COMPONENT=github.com/acme/orders TOLLGATE_GATE=prod
                bash ci/tollgate-upload.sh semgrep.sarif""".formatted(url, team);
        String github = """
                - name: Upload to Tollgate and ask the gate
                  env:
                    TOLLGATE_URL: %s
                    TOLLGATE_TEAM: %s
                    TOLLGATE_SECRET: ${{ secrets.TOLLGATE_SECRET }}
                    TOLLGATE_ENVIRONMENT: dev
                    TOLLGATE_COMPONENT: ${{ github.server_url }}/${{ github.repository }}
                    TOLLGATE_GATE: prod
                    TOLLGATE_COMMIT: ${{ github.sha }}
                    TOLLGATE_DELIVERY_ID: gh-${{ github.run_id }}-${{ github.run_attempt }}
                  run: bash ci/tollgate-upload.sh semgrep.sarif""".formatted(url, team);
        String gitlab = """
                tollgate:
                  stage: test
                  variables:
                    TOLLGATE_URL: %s
                    TOLLGATE_TEAM: %s
                    TOLLGATE_ENVIRONMENT: dev
                    TOLLGATE_COMPONENT: $CI_PROJECT_URL
                    TOLLGATE_GATE: prod
                    TOLLGATE_COMMIT: $CI_COMMIT_SHA
                    TOLLGATE_DELIVERY_ID: gl-$CI_JOB_ID
                  script:
                    - bash ci/tollgate-upload.sh semgrep.sarif   # TOLLGATE_TOKEN as a masked CI/CD variable""".formatted(url, team);
        return new Snippets(url, shell, github, gitlab, publicUrl.origin().isEmpty());
    }
}
