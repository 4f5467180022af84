package vn.binhyen.shared.security;

/**
 * Who is signed in, as any module may read it without depending on the accounts module (which depends on the
 * directory). Controllers take it with {@code @AuthenticationPrincipal OfficerIdentity officer}.
 */
public interface OfficerIdentity {

    long officerId();

    /** A commune code, or the province code for the province command. */
    String unitCode();

    String provinceCode();

    /** The name of the officer's role ({@code vn.binhyen.directory.OfficerRole}). */
    String roleName();
}
