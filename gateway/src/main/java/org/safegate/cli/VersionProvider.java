package org.safegate.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SafegateCommand.class.getPackage().getImplementationVersion();
        return new String[] {"safegate " + (version == null ? "development build" : version)};
    }
}
