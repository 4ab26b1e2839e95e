package dev.jobstatus.spring.boot;

import org.jspecify.annotations.Nullable;

/** The properties of a provider that also takes an OAuth app's credentials: its client id and secret. */
public abstract class OAuthAppProperties extends ProviderProperties {
    /** The OAuth app's client id; needs the client secret and the provider's third OAuth property. */
    private @Nullable String clientId;

    /** The OAuth app's client secret. */
    private @Nullable String clientSecret;

    /** Creates the properties with every setting left to the client's default. */
    protected OAuthAppProperties() {}

    /** {@return the OAuth client id, or {@code null}} */
    public @Nullable String getClientId() {
        return clientId;
    }

    /**
     * Sets the OAuth client id.
     *
     * @param clientId the OAuth client id
     */
    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId;
    }

    /** {@return the OAuth client secret, or {@code null}} */
    public @Nullable String getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets the OAuth client secret.
     *
     * @param clientSecret the OAuth client secret
     */
    public void setClientSecret(@Nullable String clientSecret) {
        this.clientSecret = clientSecret;
    }
}
