package org.safegate.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.safegate.config.Settings;
import org.safegate.inspect.InspectionSettings;
import org.safegate.keys.KeyProvider;
import org.safegate.store.AnswerRecords;
import org.safegate.store.Database;
import org.safegate.store.StoredPassedRequests;
import org.safegate.transfer.Endpoints;
import org.safegate.transfer.RequestExchange;

/** The request exchange as the settings configure it. */
final class RequestSettings {
    private RequestSettings() {
    }

    /**
     * Request rules: statutes a request may cite besides its agreement's authority are those its
     * agreement lists ({@code request-statutes}); {@code safegate.requests.allowed-statutes}
     * (separated by {@code ;}) is only the default for an agreement that lists none. The share of deficient
     * records above which a file is quarantined whole from {@code safegate.requests.quarantine-share}
     * (default 0.05).
     */
    static RequestExchange exchange(Settings settings, Database database, KeyProvider keys, Endpoints endpoints,
                                    Path data, Clock clock) {
        List<String> statutes = settings.get("safegate.requests.allowed-statutes")
                .map(v -> java.util.Arrays.stream(v.split(";")).map(String::trim).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
        InspectionSettings inspection = InspectionSettings.DEFAULTS.withAllowedStatutes(statutes);
        Optional<String> share = settings.get("safegate.requests.quarantine-share");
        if (share.isPresent()) {
            inspection = inspection.withQuarantineShare(Double.parseDouble(share.get()));
        }
        return new RequestExchange(inspection, new StoredPassedRequests(database), new AnswerRecords(database), keys,
                endpoints, data, clock);
    }
}
