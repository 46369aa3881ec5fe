package org.safegate.route;

import java.util.Locale;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.safegate.admin.AdminApi;
import org.safegate.admin.ApiOperation;

/**
 * The admin API's REST routes on the embedded HTTPS server (platform-http): one per
 * {@link ApiOperation}, each handing the request to {@link AdminApi}. Wiring only.
 */
public final class AdminRoutes extends RouteBuilder {
    private final AdminApi api;

    public AdminRoutes(AdminApi api) {
        this.api = api;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).apiContextPath(null);
        for (ApiOperation operation : ApiOperation.values()) {
            String id = "api-" + operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
            rest().verb(operation.method().toLowerCase(Locale.ROOT), operation.path()).routeId(id).to("direct:" + id);
            from("direct:" + id).routeId(id + "-handler")
                    .process(exchange -> ApiExchanges.answer(exchange, api.handle(operation,
                            ApiExchanges.request(exchange, operation))));
        }
    }
}
