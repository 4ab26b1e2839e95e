package dev.jobstatus.core.auth;

/** Credentials that never change: a token, Basic credentials or fixed headers. */
final class StaticCredentials implements CredentialProvider {
    static final StaticCredentials NONE = new StaticCredentials("no credentials", AuthHeaders.NONE);

    private final String kind;
    private final AuthHeaders headers;

    StaticCredentials(String kind, AuthHeaders headers) {
        this.kind = kind;
        this.headers = headers;
    }

    @Override
    public AuthHeaders headers() {
        return headers;
    }

    @Override
    public AuthHeaders headersIfReady() {
        return headers;
    }

    @Override
    public String toString() {
        return "CredentialProvider[" + kind + ", " + headers + "]";
    }
}
