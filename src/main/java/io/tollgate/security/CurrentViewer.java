package io.tollgate.security;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.tollgate.org.GlobalRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The viewer of the current request, derived once from the security identity. */
@RequestScoped
public class CurrentViewer {

    @Inject
    SecurityIdentity identity;

    private Viewer viewer;

    /** The signed-in viewer; anonymous requests get 401 (API) or the sign-in page (portal). */
    public Viewer get() {
        return find().orElseThrow(UnauthorizedException::new);
    }

    /**
     * The signed-in viewer, if any. On the I/O thread (an error page for a path no resource matched) the session
     * is not resolved, since that would block: such pages render as for an anonymous visitor.
     */
    public Optional<Viewer> find() {
        if (viewer == null && BlockingOperationControl.isBlockingAllowed() && !identity.isAnonymous()) {
            Long personId = identity.getAttribute(SessionIdentityProvider.PERSON_ID);
            if (personId == null) {
                return Optional.empty();
            }
            Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
            for (GlobalRole role : GlobalRole.values()) {
                if (identity.hasRole(role.name())) {
                    roles.add(role);
                }
            }
            viewer = new Viewer(personId, identity.getPrincipal().getName(), Set.copyOf(roles));
        }
        return Optional.ofNullable(viewer);
    }
}
