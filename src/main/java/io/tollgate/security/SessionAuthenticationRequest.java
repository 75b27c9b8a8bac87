package io.tollgate.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token of a session cookie; the provider looks the session up and checks the person and the session epoch. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
