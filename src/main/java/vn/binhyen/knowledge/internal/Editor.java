package vn.binhyen.knowledge.internal;

import vn.binhyen.directory.OfficerRole;

/**
 * An officer working on the catalogue. Any officer who answers residents may propose a change; a commune chief or
 * the province command approves it, and never their own proposal, so that every public text had two pairs of eyes.
 */
public record Editor(long officerId, String name, OfficerRole role) {

    public boolean mayPropose() {
        return role != OfficerRole.ADMINISTRATOR;
    }

    public boolean mayApprove() {
        return role == OfficerRole.COMMUNE_CHIEF || role == OfficerRole.PROVINCE_COMMAND;
    }
}
