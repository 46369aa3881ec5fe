package org.safegate.app;

import org.safegate.OperatorLog;
import org.safegate.config.ApiSettings;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;
import org.slf4j.Logger;

/**
 * The block a gateway logs when it starts, so that an operator can tell from the log alone what it
 * runs with: version, configuration file, policy folder, key source, data folder and store, each
 * agency with the kinds of its endpoints, and where the admin API listens (or that it is off).
 */
final class StartupLines {
    private static final Logger LOG = OperatorLog.logger("start");

    private StartupLines() {
    }

    static void log(Gateway gateway, ApiSettings api, String version) {
        StartFacts facts = gateway.startFacts();
        PolicySet policies = gateway.policies().get();
        line().with("version", version).with("config", facts.configuration()).info(LOG);
        line().with("policies", facts.policies()).with("agencies", policies.agencies().size())
                .with("agreements", policies.agreements().size()).info(LOG);
        line().with("keys", facts.keys()).info(LOG);
        line().with("data", gateway.dataFolder()).with("store", facts.store()).info(LOG);
        for (Agency agency : policies.agencies()) {
            line().with("agency", agency.id()).with("outbox", kind(agency.outbox().type()))
                    .with("inbox", kind(agency.inbox().type())).info(LOG);
        }
        line().with("api", apiUrl(api)).info(LOG);
    }

    private static OperatorLog.Line line() {
        return OperatorLog.line("START");
    }

    private static String kind(Enum<?> type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The URL the admin API answers at; "off" when this run serves none. */
    static String apiUrl(ApiSettings api) {
        if (api == null || !api.enabled()) {
            return "off";
        }
        String host = api.host().contains(":") ? "[" + api.host() + "]" : api.host();
        return "https://" + host + ":" + api.port() + "/api";
    }
}
