package org.safegate.app;

/**
 * What the gateway was opened with, for the start-up lines: where things are, never secrets (the
 * key source is a folder or a Vault path, the store a file or a JDBC URL without its parameters).
 */
record StartFacts(String configuration, java.nio.file.Path policies, String keys, String store) {
}
