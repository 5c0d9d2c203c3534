package org.gatehouse.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the pages of forms read by hand share (the instruments' pages): the posted fields as typed (to show back), blank
 * fields as absent, uploaded files read into their metadata and SHA-256 (the server computes the hash, the person
 * never types it), amounts typed with separators, and the countries offered as choices.
 */
public final class WebForms {

    /** Characters of one field kept for showing back; longer input is refused by the records anyway. */
    private static final int VALUE_CHARS_MAX = 5_000;

    /** Form fields kept for showing back, at most. */
    private static final int FIELDS_MAX = 64;

    /** Countries by English name, for choices. */
    public static final List<Country> COUNTRIES = CountryCode.all().stream()
            .map(c -> new Country(c.value(), Locale.of("", c.value()).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    /** A country as a choice: its code and English name. */
    public record Country(String code, String name) {}

    /** An uploaded file: its name, media type, size and the SHA-256 of its bytes (hex, lower case). */
    public record Uploaded(String name, String mediaType, long sizeBytes, String sha256) {}

    private WebForms() {}

    /** The posted fields as typed (bounded; the CSRF token and the like are left out). */
    public static Map<String, String> values(MultiValueMap<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (values.size() >= FIELDS_MAX
                    || entry.getKey().startsWith("_")
                    || entry.getValue().isEmpty()) {
                continue;
            }
            String value = entry.getValue().getFirst();
            values.put(entry.getKey(), value == null ? "" : shortened(value));
        }
        return values;
    }

    /** A field's value, blank as absent (as a JSON body that leaves it out). */
    public static String text(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The file's metadata and SHA-256, or null when no file was chosen. */
    public static Uploaded read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (InputStream in = new DigestInputStream(file.getInputStream(), sha256())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            String type = file.getContentType() == null || file.getContentType().isBlank()
                    ? "application/octet-stream"
                    : file.getContentType();
            return new Uploaded(name, type, file.getSize(), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The problems of a refused form, those of list entries ({@code countries[1]}) moved onto the field the page shows
     * ({@code countries}) with the entry named in words.
     */
    public static FieldErrors errors(InvalidInputException refused, String... lists) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem problem : refused.problems()) {
            String field = problem.field();
            String moved = Arrays.stream(lists)
                    .filter(list -> field.startsWith(list + "[") && field.indexOf(']') == field.length() - 1)
                    .findFirst()
                    .orElse(null);
            if (moved != null) {
                int index = Integer.parseInt(field.substring(moved.length() + 1, field.length() - 1));
                problems.add(new FieldProblem(moved, "entry " + (index + 1) + " " + problem.message()));
            } else {
                problems.add(problem);
            }
        }
        return FieldErrors.of(problems);
    }

    /** A constant of {@code type} by name, or null when blank or not one of them (a filter falls back to any). */
    public static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name.strip())) {
                return constant;
            }
        }
        return null;
    }

    /**
     * A typed amount as a number ({@code $2,000,000.00} reads as 2000000.00), null when blank; what is not a number is
     * added to {@code problems} under {@code field} and read as absent, so the binder names the rest.
     */
    public static java.math.BigDecimal number(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip().replace(",", "").replace("_", "");
        if (plain.startsWith("$")) {
            plain = plain.substring(1);
        }
        try {
            if (plain.length() > 40) {
                throw new NumberFormatException();
            }
            return new java.math.BigDecimal(plain);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a number, got '" + shortened(text.strip()) + "'"));
            return null;
        }
    }

    /** {@code refused}'s problems and those found before it, each field once (those found first win). */
    public static FieldErrors merged(List<FieldProblem> first, InvalidInputException refused, String... lists) {
        List<FieldProblem> all = new ArrayList<>(first);
        if (refused != null) {
            for (FieldProblem p : refused.problems()) {
                if (all.stream().noneMatch(f -> f.field().equals(p.field()))) {
                    all.add(p);
                }
            }
        }
        return errors(new InvalidInputException(all), lists);
    }

    private static String shortened(String value) {
        return value.length() > VALUE_CHARS_MAX ? value.substring(0, VALUE_CHARS_MAX) : value;
    }
}
