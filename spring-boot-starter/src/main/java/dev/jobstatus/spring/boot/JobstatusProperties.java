package dev.jobstatus.spring.boot;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code jobstatus.*} properties: a client bean is made for each provider with any of its properties set. Secrets
 * (tokens, passwords, keys, client secrets, the Redis URL) are never shown: the starter masks them in
 * {@code /actuator/configprops} and {@code /actuator/env} even with {@code show-values=always}, and no
 * {@code toString()} or startup failure carries them.
 */
@ConfigurationProperties("jobstatus")
public class JobstatusProperties {
    /** Nexudus: a bearer token, or a username and password (the password grant). */
    private final Nexudus nexudus = new Nexudus();

    /** Wix: an API key with a site id or an account id, or an OAuth app (client id, secret and instance id). */
    private final Wix wix = new Wix();

    /** Asana: a bearer token, or an OAuth app with a refresh token. */
    private final Asana asana = new Asana();

    /** Shared quota and tokens on Redis, when the redis module is on the class path. */
    private final Redis redis = new Redis();

    /** Creates the properties with every setting unset. */
    public JobstatusProperties() {}

    /** {@return the Nexudus properties} */
    public Nexudus getNexudus() {
        return nexudus;
    }

    /** {@return the Wix properties} */
    public Wix getWix() {
        return wix;
    }

    /** {@return the Asana properties} */
    public Asana getAsana() {
        return asana;
    }

    /** {@return the Redis properties} */
    public Redis getRedis() {
        return redis;
    }

    /** {@code jobstatus.nexudus.*}. */
    public static class Nexudus extends ProviderProperties {
        /** A bearer token the application obtained. */
        private @Nullable String bearerToken;

        /** The user's email, for the password grant; needs the password. */
        private @Nullable String username;

        /** The user's password, for the password grant; needs the username. */
        private @Nullable String password;

        /** Creates the properties with every setting unset. */
        public Nexudus() {}

        /** {@return the bearer token, or {@code null}} */
        public @Nullable String getBearerToken() {
            return bearerToken;
        }

        /**
         * Sets the bearer token.
         *
         * @param bearerToken the bearer token
         */
        public void setBearerToken(@Nullable String bearerToken) {
            this.bearerToken = bearerToken;
        }

        /** {@return the username, or {@code null}} */
        public @Nullable String getUsername() {
            return username;
        }

        /**
         * Sets the user's email.
         *
         * @param username the user's email
         */
        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        /** {@return the password, or {@code null}} */
        public @Nullable String getPassword() {
            return password;
        }

        /**
         * Sets the user's password.
         *
         * @param password the user's password
         */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }
    }

    /** {@code jobstatus.wix.*}. */
    public static class Wix extends OAuthAppProperties {
        /** An API key; needs a site id or an account id. */
        private @Nullable String apiKey;

        /** The site id sent with the API key, for site-level calls. */
        private @Nullable String siteId;

        /** The account id sent with the API key, for account-level calls. */
        private @Nullable String accountId;

        /** The OAuth app instance (the site that installed the app). */
        private @Nullable String instanceId;

        /** Creates the properties with every setting unset. */
        public Wix() {}

        /** {@return the API key, or {@code null}} */
        public @Nullable String getApiKey() {
            return apiKey;
        }

        /**
         * Sets the API key.
         *
         * @param apiKey the API key
         */
        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        /** {@return the site id, or {@code null}} */
        public @Nullable String getSiteId() {
            return siteId;
        }

        /**
         * Sets the site id.
         *
         * @param siteId the site id
         */
        public void setSiteId(@Nullable String siteId) {
            this.siteId = siteId;
        }

        /** {@return the account id, or {@code null}} */
        public @Nullable String getAccountId() {
            return accountId;
        }

        /**
         * Sets the account id.
         *
         * @param accountId the account id
         */
        public void setAccountId(@Nullable String accountId) {
            this.accountId = accountId;
        }

        /** {@return the OAuth instance id, or {@code null}} */
        public @Nullable String getInstanceId() {
            return instanceId;
        }

        /**
         * Sets the OAuth instance id.
         *
         * @param instanceId the OAuth instance id
         */
        public void setInstanceId(@Nullable String instanceId) {
            this.instanceId = instanceId;
        }
    }

    /** {@code jobstatus.asana.*}. */
    public static class Asana extends OAuthAppProperties {
        /** A personal access token or an OAuth access token. */
        private @Nullable String bearerToken;

        /** The refresh token the user's authorization gave. */
        private @Nullable String refreshToken;

        /** Creates the properties with every setting unset. */
        public Asana() {}

        /** {@return the bearer token, or {@code null}} */
        public @Nullable String getBearerToken() {
            return bearerToken;
        }

        /**
         * Sets the bearer token.
         *
         * @param bearerToken the bearer token
         */
        public void setBearerToken(@Nullable String bearerToken) {
            this.bearerToken = bearerToken;
        }

        /** {@return the refresh token, or {@code null}} */
        public @Nullable String getRefreshToken() {
            return refreshToken;
        }

        /**
         * Sets the refresh token.
         *
         * @param refreshToken the refresh token
         */
        public void setRefreshToken(@Nullable String refreshToken) {
            this.refreshToken = refreshToken;
        }
    }

    /** {@code jobstatus.redis.*}. */
    public static class Redis {
        /** The Redis server that shares quota and tokens, such as {@code redis://user:secret@redis.internal:6379}. */
        private @Nullable String url;

        /** Creates the properties with every setting unset. */
        public Redis() {}

        /** {@return the Redis URL, or {@code null} to share nothing} */
        public @Nullable String getUrl() {
            return url;
        }

        /**
         * Sets the Redis URL.
         *
         * @param url the Redis URL
         */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }
    }
}
