package io.tollgate.web;

import io.quarkus.arc.Unremovable;
import io.tollgate.org.GlobalRole;
import io.tollgate.security.CurrentViewer;
import io.tollgate.security.Viewer;
import io.tollgate.training.service.TrainingAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the layout needs on every page: who is signed in, which navigation they get, and the flash message. */
@Named("portal")
@RequestScoped
@Unremovable
public class Portal {

    @Inject
    CurrentViewer viewer;

    @Inject
    Flash flash;

    @Inject
    TrainingAccess training;

    private Flash.Message message;
    private boolean messageRead;

    public boolean signedIn() {
        return viewer.find().isPresent();
    }

    public String email() {
        return viewer.find().map(Viewer::email).orElse("");
    }

    public boolean manager() {
        return viewer.find().map(v -> v.roles().contains(GlobalRole.MANAGER)).orElse(false);
    }

    public boolean securityAdmin() {
        return viewer.find().map(Viewer::isSecurityAdmin).orElse(false);
    }

    /** Leads, managers and security admins follow their teams' training. */
    public boolean managesTraining() {
        return viewer.find().map(training::managesTeams).orElse(false);
    }

    public Flash.Message flash() {
        if (!messageRead) {
            message = flash.message();
            messageRead = true;
        }
        return message;
    }
}
