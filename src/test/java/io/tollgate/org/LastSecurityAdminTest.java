package io.tollgate.org;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tollgate.org.service.PersonService;
import io.tollgate.platform.ConflictException;
import io.tollgate.security.Viewer;
import io.tollgate.support.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tollgate never locks itself out: the last active security admin keeps the role. Runs in a rolled-back transaction. */
@QuarkusTest
class LastSecurityAdminTest {

    @Inject
    TestData data;

    @Inject
    PersonService people;

    @Test
    @TestTransaction
    void theLastActiveSecurityAdminCannotLoseTheRole() {
        Viewer only = onlyActiveAdmin();
        assertThatThrownBy(() -> people.update(only, only.personId(), null, Set.of(GlobalRole.LEARNER), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active security admin");
    }

    @Test
    @TestTransaction
    void theLastActiveSecurityAdminCannotBeDeactivated() {
        Viewer only = onlyActiveAdmin();
        assertThatThrownBy(() -> people.update(only, only.personId(), null, null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active security admin");
    }

    private Viewer onlyActiveAdmin() {
        TestData.TestUser admin = data.user(GlobalRole.SECURITY_ADMIN);
        Person.update("active = false where securityAdmin = true and id <> ?1", admin.id());
        return new Viewer(admin.id(), admin.email(), Set.of(GlobalRole.LEARNER, GlobalRole.SECURITY_ADMIN));
    }
}
