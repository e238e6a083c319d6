package io.pgdispatch.system;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A man in the middle between a PostgreSQL client and the proxy: it answers the client's SSLRequest and ends its TLS
 * with a certificate of its own, opens TLS of its own to the proxy, and relays the bytes in between, reading them in
 * clear. Only channel binding can tell the client and the proxy that they do not share one TLS channel.
 */
final class TlsInterceptor implements AutoCloseable {

    /** SSLRequest: length 8 and the code 80877103 (PostgreSQL docs, 55.7 "Message Formats"). */
    private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xD2, 0x16, 0x2F};

    private final ServerSocket listener;
    private final SSLContext ownCertificate;
    private final SSLContext trustingEverything;
    private final int proxyPort;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private TlsInterceptor(ServerSocket listener, SSLContext ownCertificate, SSLContext trustingEverything,
            int proxyPort) {
        this.listener = listener;
        this.ownCertificate = ownCertificate;
        this.trustingEverything = trustingEverything;
        this.proxyPort = proxyPort;
    }

    /** Listens on a free loopback port, with a new self-signed certificate made with openssl in {@code folder}. */
    static TlsInterceptor start(int proxyPort, Path folder) throws Exception {
        Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-days", "1", "-subj", "/CN=interceptor", "-keyout", "interceptor.key", "-out", "interceptor.crt"))
            .directory(folder.toFile()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        if (openssl.waitFor() != 0) {
            throw new IllegalStateException("openssl could not make the interceptor's certificate");
        }
        TlsInterceptor interceptor = new TlsInterceptor(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
            serverContext(folder.resolve("interceptor.crt"), folder.resolve("interceptor.key")), trustingContext(),
            proxyPort);
        interceptor.threads.submit(interceptor::accept);
        return interceptor;
    }

    int port() {
        return listener.getLocalPort();
    }

    private Void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.submit(() -> intercept(client));
            } catch (IOException closed) {
                return null;
            }
        }
        return null;
    }

    private Void intercept(Socket client) throws IOException {
        new DataInputStream(client.getInputStream()).readFully(new byte[SSL_REQUEST.length]);
        client.getOutputStream().write('S');
        SSLSocket clientSide = (SSLSocket) ownCertificate.getSocketFactory().createSocket(client, null,
            client.getPort(), true);
        clientSide.setUseClientMode(false);
        clientSide.startHandshake();

        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), proxyPort);
        upstream.getOutputStream().write(SSL_REQUEST);
        if (upstream.getInputStream().read() != 'S') {
            throw new IOException("the proxy refused TLS");
        }
        SSLSocket proxySide = (SSLSocket) trustingEverything.getSocketFactory().createSocket(upstream, "127.0.0.1",
            proxyPort, true);
        proxySide.startHandshake();

        threads.submit(() -> pump(clientSide.getInputStream(), proxySide.getOutputStream(), proxySide));
        pump(proxySide.getInputStream(), clientSide.getOutputStream(), clientSide);
        return null;
    }

    /** Copies one direction until it ends, then closes the other side so that both ends learn of it. */
    private static Void pump(InputStream from, OutputStream to, Socket other) {
        try (other) {
            from.transferTo(to);
        } catch (IOException ended) {
            // One side went away; closing the other is all that is left to do.
        }
        return null;
    }

    private static SSLContext serverContext(Path certificate, Path key) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("interceptor", privateKey, new char[0], new Certificate[] {cert});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** The interceptor does not care whose certificate the proxy shows. */
    private static SSLContext trustingContext() throws Exception {
        TrustManager anything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anything}, null);
        return context;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
