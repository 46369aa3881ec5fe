package org.safegate.operator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Review;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Ssr;

/**
 * Writes an agency's safeguard record as a policy file, in the shape and style of the files under
 * {@code policies/safeguards/} (one line per review, filing, finding and CAP item). The comment
 * lines at the top of the previous file are kept; comments elsewhere are not (the previous file
 * stays in the policy history).
 */
final class SafeguardYaml {
    /** Text that YAML reads back as the same string without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private SafeguardYaml() {
    }

    /** The file's text; {@code previous} is the old file's text (its header is kept), or empty. */
    static String write(Safeguards s, String previous) {
        List<String> lines = new ArrayList<>(header(previous, s.agency()));
        lines.add("agency: " + scalar(s.agency()));
        s.review().ifPresent(r -> lines.add("review:   " + review(r)));
        if (!s.ssrs().isEmpty()) {
            lines.add("ssr:");
            s.ssrs().forEach(ssr -> lines.add("  - " + ssr(ssr)));
        }
        if (!s.findings().isEmpty()) {
            lines.add("findings:");
            s.findings().forEach(f -> lines.add("  - " + finding(f)));
        }
        s.cap().ifPresent(cap -> cap(cap, lines));
        return String.join("\n", lines) + "\n";
    }

    /** The comment lines (and blank lines between them) the previous file starts with. */
    static List<String> header(String previous, String agency) {
        List<String> header = new ArrayList<>();
        for (String line : previous.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("#") && !trimmed.isEmpty()) {
                break;
            }
            header.add(line.stripTrailing());
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        if (header.isEmpty()) {
            header.add("# " + agency + ": safeguard record, kept up to date by recorded safeguard events.");
        }
        return header;
    }

    private static String review(Review r) {
        return "{ id: " + scalar(r.id()) + ", completed: " + r.completed() + " }";
    }

    private static String ssr(Ssr ssr) {
        return "{ year: " + ssr.year() + ", submitted: " + ssr.submitted() + " }";
    }

    private static String finding(Finding f) {
        String status = f.closed().map(c -> "closed, closed: " + c).orElse("open");
        return "{ id: " + scalar(f.id()) + ", severity: " + f.severity().name().toLowerCase(Locale.ROOT)
                + ", opened: " + f.opened() + ", status: " + status + " }";
    }

    private static void cap(Cap cap, List<String> lines) {
        lines.add("cap:");
        lines.add("  submitted: " + cap.submitted());
        cap.updated().ifPresent(u -> lines.add("  updated: " + u));
        if (cap.items().isEmpty()) {
            lines.add("  items: []");
            return;
        }
        lines.add("  items:");
        for (CapItem item : cap.items()) {
            lines.add("    - { finding: " + scalar(item.finding()) + ", action: " + quoted(item.action())
                    + ", implementation-date: " + date(item.implementationDate()) + " }");
        }
    }

    private static String date(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse("null");
    }

    private static String scalar(String text) {
        return PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))
                ? text : quoted(text);
    }

    /** A YAML double-quoted string; JSON's escapes are valid there. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
