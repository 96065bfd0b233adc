package org.flannel.reference.healthz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * flanneld's health endpoints: {@code /healthz} answers 200 "flanneld is running" while the process
 * lives; {@code /readyz} answers 200 "flanneld is ready" once the subnet file is written, 503 before.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    public static HealthServer start(String ip, int port, BooleanSupplier ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(ip, port), 0);
        server.createContext("/healthz", exchange -> answer(exchange, 200, "flanneld is running"));
        server.createContext("/readyz", exchange -> {
            if (ready.getAsBoolean()) {
                answer(exchange, 200, "flanneld is ready");
            } else {
                answer(exchange, 503, "flanneld is not ready yet");
            }
        });
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
