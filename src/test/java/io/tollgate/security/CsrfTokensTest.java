package io.tollgate.security;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokens themselves: bound to one cookie value, shared by instances with one secret, cookie names. */
class CsrfTokensTest {

    private static final String SECRET = "a session secret of more than thirty-two characters";
    private static final CsrfTokens.Binding SESSION = new CsrfTokens.Binding(SessionCookies.SESSION, "sealed-session-value");

    @Test
    void instancesWithTheSameSecretAgreeAndOthersDoNot() {
        CsrfTokens one = tokens(Optional.of(SECRET), false);
        String token = one.token(SESSION);

        assertThat(tokens(Optional.of(SECRET), false).matches(token, SESSION)).isTrue();
        assertThat(tokens(Optional.of(SECRET + "!"), false).matches(token, SESSION)).isFalse();
        assertThat(tokens(Optional.empty(), false).matches(token, SESSION)).isFalse();
    }

    @Test
    void aTokenMatchesOnlyItsOwnCookie() {
        CsrfTokens tokens = tokens(Optional.of(SECRET), false);
        String token = tokens.token(SESSION);

        assertThat(tokens.matches(token, new CsrfTokens.Binding(SessionCookies.SESSION, "another-session"))).isFalse();
        assertThat(tokens.matches(token, new CsrfTokens.Binding(SessionCookies.SIGN_IN, "sealed-session-value"))).isFalse();
        assertThat(tokens.matches("", SESSION)).isFalse();
        assertThat(tokens.matches("%%% not base64 %%%", SESSION)).isFalse();
        assertThat(tokens.matches(token + "A", SESSION)).isFalse();
    }

    @Test
    void theSessionCookieWinsOverTheSignInAndThePreSessionCookie() {
        CsrfTokens tokens = tokens(Optional.of(SECRET), false);
        Map<String, String> all = Map.of(SessionCookies.SESSION, "s", SessionCookies.SIGN_IN, "i", "tollgate_csrf", "p");

        assertThat(tokens.binding(all::get)).contains(new CsrfTokens.Binding(SessionCookies.SESSION, "s"));
        assertThat(tokens.binding(Map.of(SessionCookies.SIGN_IN, "i", "tollgate_csrf", "p")::get))
                .contains(new CsrfTokens.Binding(SessionCookies.SIGN_IN, "i"));
        assertThat(tokens.binding(Map.of("tollgate_csrf", "p")::get)).contains(new CsrfTokens.Binding("tollgate_csrf", "p"));
        assertThat(tokens.binding(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void thePreSessionCookieTakesTheHostPrefixWithSecureCookies() {
        assertThat(tokens(Optional.of(SECRET), true).preSessionCookie()).isEqualTo("__Host-tollgate_csrf");
        assertThat(tokens(Optional.of(SECRET), false).preSessionCookie()).isEqualTo("tollgate_csrf");
        assertThat(tokens(Optional.of(SECRET), true).binding(Map.of("tollgate_csrf", "planted")::get)).isEmpty();
    }

    @Test
    void originsCompareWithoutDefaultPortsOrCase() {
        assertThat(CsrfFilter.origin("HTTPS://Tollgate.Example:443/path")).isEqualTo("https://tollgate.example");
        assertThat(CsrfFilter.origin("http://localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(CsrfFilter.origin("null")).isEmpty();
        assertThat(CsrfFilter.origin("https://tollgate.example.attacker.example")).isNotEqualTo("https://tollgate.example");
    }

    private static CsrfTokens tokens(Optional<String> secret, boolean secureCookies) {
        SecurityConfig config = (SecurityConfig) Proxy.newProxyInstance(SecurityConfig.class.getClassLoader(),
                new Class<?>[]{SecurityConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sessionSecret" -> secret;
                    case "secureCookies" -> secureCookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new CsrfTokens(config);
    }
}
