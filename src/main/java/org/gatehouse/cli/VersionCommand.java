package org.gatehouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse version}: the build's version, from the build information written by Maven. */
@Command(name = "version", description = "Print the version of Gatehouse.")
final class VersionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("gatehouse " + version());
        return 0;
    }

    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "unknown (no build information on the class path)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Supplies {@code gatehouse --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gatehouse " + version()};
        }
    }
}
