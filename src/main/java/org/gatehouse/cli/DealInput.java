package org.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatehouse.analysis.DealFileException;
import org.gatehouse.analysis.Holdings;

/** Opening deal and holdings files for the offline commands ({@code -} is standard input). */
final class DealInput {

    private DealInput() {}

    static BufferedReader open(String file) throws IOException {
        if (file.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }

    /** The holdings in {@code file}, an empty list when none, or {@code null} after printing the problem. */
    static List<Holdings.Holding> holdings(Path file, PrintWriter err) {
        if (file == null) {
            return List.of();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Holdings.read(file.toString(), reader);
        } catch (DealFileException e) {
            err.println(e.getMessage());
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
        }
        return null;
    }
}
