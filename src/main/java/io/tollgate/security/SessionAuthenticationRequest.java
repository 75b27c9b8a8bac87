package io.tollgate.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie that opened correctly; the provider still checks the person and the session epoch. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final SessionCodec.Claims claims;

    public SessionAuthenticationRequest(SessionCodec.Claims claims) {
        this.claims = claims;
    }

    public SessionCodec.Claims claims() {
        return claims;
    }
}
