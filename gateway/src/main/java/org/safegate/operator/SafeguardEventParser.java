package org.safegate.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.safegate.SafegateException;
import org.safegate.policy.model.Severity;

/**
 * Reads a safeguard event from JSON ({@code docs/safeguard-events.md}): its {@code type} and the
 * fields of that type, named as in the safeguard YAML. Days on which something happened (a review
 * completed, a report submitted, a finding opened or closed, a CAP submitted or updated) may not
 * lie in the future; planned implementation dates may.
 */
final class SafeguardEventParser {
    static final List<String> TYPES = List.of("review", "ssr", "finding-opened", "finding-closed", "cap-submitted",
            "cap-updated");
    private static final Set<String> ITEM_FIELDS = Set.of("finding", "action", "implementation-date");

    private final LocalDate today;

    SafeguardEventParser(LocalDate today) {
        this.today = today;
    }

    SafeguardEvent parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw SafegateException.invalid("event", "must be a JSON object with a type");
        }
        JsonNode type = event.get("type");
        if (type == null || type.isNull()) {
            throw SafegateException.invalid("type", "is required: one of " + String.join(", ", TYPES));
        }
        if (!type.isTextual() || !TYPES.contains(type.asText())) {
            throw SafegateException.invalid("type", "'" + org.safegate.transfer.FileNames.printable(type.asText())
                    + "' is not an event type; use one of " + String.join(", ", TYPES));
        }
        return switch (type.asText()) {
            case "review" -> review(fields(event, "id", "completed"));
            case "ssr" -> ssr(fields(event, "year", "submitted"));
            case "finding-opened" -> findingOpened(fields(event, "id", "severity", "opened"));
            case "finding-closed" -> findingClosed(fields(event, "id", "closed"));
            case "cap-submitted" -> capSubmitted(fields(event, "submitted", "items"));
            default -> capUpdated(fields(event, "updated", "items"));
        };
    }

    private static EventFields fields(JsonNode event, String... names) {
        Set<String> known = new java.util.HashSet<>(Arrays.asList(names));
        known.add("type");
        return EventFields.of(event, "", known);
    }

    private SafeguardEvent review(EventFields in) {
        return new SafeguardEvent.NewReview(in.id("id"), in.pastDate("completed", today));
    }

    private SafeguardEvent ssr(EventFields in) {
        int year = in.integer("year", 1900, today.getYear());
        return new SafeguardEvent.SsrFiled(year, in.pastDate("submitted", today));
    }

    private SafeguardEvent findingOpened(EventFields in) {
        String id = in.id("id");
        String text = in.text("severity");
        Severity severity = Arrays.stream(Severity.values())
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(text)).findFirst()
                .orElseThrow(() -> SafegateException.invalid("severity", "'" + org.safegate.transfer.FileNames.printable(text)
                        + "' is not a severity; use low, moderate, significant or critical"));
        return new SafeguardEvent.FindingOpened(id, severity, in.pastDate("opened", today));
    }

    private SafeguardEvent findingClosed(EventFields in) {
        return new SafeguardEvent.FindingClosed(in.id("id"), in.pastDate("closed", today));
    }

    private SafeguardEvent capSubmitted(EventFields in) {
        LocalDate submitted = in.pastDate("submitted", today);
        List<EventFields> items = in.objects("items", ITEM_FIELDS, true);
        if (items.isEmpty()) {
            throw SafegateException.invalid("items", "a CAP lists at least one item");
        }
        List<SafeguardEvent.ItemChange> changes = items.stream().map(this::item).toList();
        changes.stream().filter(c -> c.action().isEmpty()).findFirst().ifPresent(c -> {
            throw SafegateException.invalid(c.path() + ".action", "is required");
        });
        return new SafeguardEvent.CapSubmitted(submitted, changes);
    }

    private SafeguardEvent capUpdated(EventFields in) {
        LocalDate updated = in.pastDate("updated", today);
        return new SafeguardEvent.CapUpdated(updated, in.objects("items", ITEM_FIELDS, false).stream()
                .map(this::item).toList());
    }

    private SafeguardEvent.ItemChange item(EventFields in) {
        String path = in.path("").substring(0, in.path("").length() - 1);
        String finding = in.id("finding");
        java.util.Optional<String> action = in.has("action") ? java.util.Optional.of(in.text("action"))
                : java.util.Optional.empty();
        return new SafeguardEvent.ItemChange(path, finding, action, in.has("implementation-date"),
                in.optionalDate("implementation-date"));
    }
}
