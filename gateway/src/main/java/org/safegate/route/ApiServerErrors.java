package org.safegate.route;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.safegate.admin.ApiOperation;
import org.safegate.admin.ApiResponse;
import org.safegate.admin.Problems;

/**
 * Answers what the HTTP server refuses before any operation sees the request (a path no operation
 * has, a method the path does not take, a body far over the limit, a request it cannot read) with
 * the API's problem bodies instead of the server's HTML page or empty body: 405 with {@code Allow}.
 */
final class ApiServerErrors {
    private ApiServerErrors() {
    }

    /**
     * Installs the answers as soon as the server's router exists: while the context starts its
     * routes, before the API is announced as started (so no request meets the server's defaults).
     */
    static EventNotifierSupport installer(int port, long maxBodyBytes) {
        return new EventNotifierSupport() {
            private boolean installed;

            @Override
            public void notify(CamelEvent event) {
                if (!installed && event instanceof CamelEvent.CamelContextEvent started) {
                    installed = install(started.getContext(), port, maxBodyBytes);
                }
            }
        };
    }

    /** Whether the server's router was there to take the answers. */
    static boolean install(CamelContext context, int port, long maxBodyBytes) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            return false;
        }
        // the server's own router is out of reach; its default answers are overridden on the router the
        // routes are on: a last route for requests no operation matched, a failure handler for the rest
        router.route().last().handler(ApiServerErrors::unrouted);
        router.route().failureHandler(ctx -> reply(ctx, ctx.statusCode() == 413 ? Problems.bodyTooLarge(maxBodyBytes)
                : Problems.status(ctx.statusCode() < 0 ? 500 : ctx.statusCode())));
        return true;
    }

    /** 405 with the path's methods when some operation has the path, 404 when none has. */
    private static void unrouted(RoutingContext ctx) {
        String path = ctx.request().path();
        reply(ctx, Problems.methodNotAllowed(ctx.request().method().name(), path, ApiOperation.methodsOf(path)));
    }

    private static void reply(RoutingContext ctx, ApiResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
        answer.headers().forEach(response::putHeader);
        response.end(io.vertx.core.buffer.Buffer.buffer(answer.body()));
    }
}
