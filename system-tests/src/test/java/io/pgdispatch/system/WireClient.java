package io.pgdispatch.system;

import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bare-bones PostgreSQL wire client for what real clients never send: broken packets, missing passwords. It
 * writes raw bytes and reads the server's messages back.
 */
final class WireClient implements AutoCloseable {

    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** SSLRequest, then a TLS handshake that sends {@code serverName} as SNI and trusts only the test CA. */
    WireClient startTls(String serverName, Path caCertificate) throws Exception {
        send(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
        int answer = in.read();
        if (answer != 'S') {
            throw new IllegalStateException("SSLRequest answered " + answer);
        }
        SSLSocket tls = (SSLSocket) trusting(caCertificate).getSocketFactory()
            .createSocket(socket, "127.0.0.1", socket.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        socket = tls;
        in = new DataInputStream(tls.getInputStream());
        out = tls.getOutputStream();
        return this;
    }

    /**
     * A PROXY protocol v2 header, as a load balancer writes it before the client's first byte: a TCP/IPv4
     * connection from {@code source}, and an AWS VPC endpoint TLV when {@code vpcEndpointId} is given.
     */
    WireClient sendProxyHeader(InetSocketAddress source, Optional<String> vpcEndpointId) throws IOException {
        byte[] tlv = vpcEndpointId.map(id -> {
            byte[] value = id.getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(4 + value.length).put((byte) 0xEA).putShort((short) (1 + value.length))
                .put((byte) 0x01).put(value).array();
        }).orElse(new byte[0]);
        ByteBuffer header = ByteBuffer.allocate(16 + 12 + tlv.length)
            .put(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A})
            .put((byte) 0x21)
            .put((byte) 0x11)
            .putShort((short) (12 + tlv.length))
            .put(source.getAddress().getAddress())
            .put(socket.getLocalAddress().getAddress())
            .putShort((short) source.getPort())
            .putShort((short) socket.getLocalPort())
            .put(tlv);
        send(header.array());
        return this;
    }

    /**
     * TLS with {@code serverName}, a startup packet, and the ErrorResponse the proxy answers with; fails if it
     * answers otherwise.
     */
    Map<Character, String> refusal(String serverName, Path caCertificate, Map<String, String> startup)
            throws Exception {
        startTls(serverName, caCertificate);
        sendStartup(startup);
        return receiveError();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendStartup(Map<String, String> parameters) throws IOException {
        StringBuilder body = new StringBuilder();
        parameters.forEach((name, value) -> body.append(name).append('\0').append(value).append('\0'));
        byte[] text = body.append('\0').toString().getBytes(StandardCharsets.UTF_8);
        send(ByteBuffer.allocate(8 + text.length).putInt(8 + text.length).putInt(3 << 16).put(text).array());
    }

    /** A typed message from the client: type byte, length, body. */
    void sendMessage(char type, byte[] body) throws IOException {
        send(ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array());
    }

    /** The next server message, or null when the server closed the connection. */
    Received receive() throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new Received((char) type, body);
    }

    /** Reads until an ErrorResponse and returns its fields, or fails if the server closes without one. */
    Map<Character, String> receiveError() throws IOException {
        for (Received message = receive(); message != null; message = receive()) {
            if (message.type() == 'E') {
                return message.errorFields();
            }
        }
        throw new IllegalStateException("the server closed the connection without an ErrorResponse");
    }

    /** A one-byte answer, as to SSLRequest and GSSENCRequest. */
    char receiveByte() throws IOException {
        return (char) in.read();
    }

    /** True once the server has closed its side. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static SSLContext trusting(Path caCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = new FileInputStream(caCertificate.toFile())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    record Received(char type, byte[] body) {

        Map<Character, String> errorFields() {
            Map<Character, String> fields = new LinkedHashMap<>();
            int offset = 0;
            while (offset < body.length && body[offset] != 0) {
                int end = offset + 1;
                while (body[end] != 0) {
                    end++;
                }
                fields.put((char) body[offset], new String(body, offset + 1, end - offset - 1, StandardCharsets.UTF_8));
                offset = end + 1;
            }
            return fields;
        }
    }
}
