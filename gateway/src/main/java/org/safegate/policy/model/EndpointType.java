package org.safegate.policy.model;

/** How an endpoint is reached. */
public enum EndpointType {
    FILE("file"),
    SFTP("sftp");

    private final String key;

    EndpointType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
