package io.pgdispatch.proxy.compute;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.exception.ScramException;
import io.pgdispatch.proxy.auth.ScramServerExchange;
import io.pgdispatch.proxy.protocol.Authentication;
import io.pgdispatch.proxy.protocol.BackendKeyData;
import io.pgdispatch.proxy.protocol.ErrorResponse;
import io.pgdispatch.proxy.protocol.Message;
import io.pgdispatch.proxy.protocol.MessageReader;
import io.pgdispatch.proxy.protocol.MessageType;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SaslInitialResponse;
import io.pgdispatch.proxy.protocol.SaslResponse;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.protocol.StartupMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Logs in to a compute as the client's role, with the ClientKey recovered from the client's own SCRAM proof, and
 * collects what the compute says up to its first ReadyForQuery. With passthrough authentication the compute's
 * authentication messages go to the client instead, and the client's answers to the compute, both unchanged: the
 * compute's pg_hba.conf decides, and the proxy reads only what it must (AuthenticationOk, BackendKeyData).
 *
 * <p>States: STARTUP (StartupMessage sent, waiting for an authentication request), SASL (SCRAM-SHA-256 in
 * progress), GREETING (authenticated; collecting ParameterStatus, BackendKeyData and notices), then done at
 * ReadyForQuery. An ErrorResponse from the compute in any state fails the login and is passed on to the client.
 */
public final class ComputeLogin {

    private static final Logger LOG = Logger.getLogger(ComputeLogin.class);
    /** Large enough for any message PostgreSQL sends before its first ReadyForQuery. */
    private static final int MAX_MESSAGE_LENGTH = 64 * 1024;

    private final String sessionId;
    private final NetSocket socket;
    private final ScramServerExchange.Result keys;
    private final char[] password;
    private final ClientAuthentication passthrough;
    private final MessageReader reader = new MessageReader(MAX_MESSAGE_LENGTH);
    private final Promise<ComputeConnection> result = Promise.promise();
    private final Buffer greeting = Buffer.buffer();
    private ScramClient scram;
    private BackendKeyData keyData;
    private boolean clientAnswered;

    private ComputeLogin(String sessionId, NetSocket socket, ScramServerExchange.Result keys, char[] password,
            ClientAuthentication passthrough) {
        this.sessionId = sessionId;
        this.socket = socket;
        this.keys = keys;
        this.password = password;
        this.passthrough = passthrough;
    }

    /** Connects to {@code host:port} and logs in with {@code parameters} (user, database, run-time settings). */
    public static Future<ComputeConnection> start(NetClient client, String host, int port,
            Map<String, String> parameters, ScramServerExchange.Result keys, String sessionId) {
        return connect(client, host, port)
            .compose(socket -> new ComputeLogin(sessionId, socket, keys, null, null).run(parameters));
    }

    /**
     * Connects to {@code host:port} and logs in with a password of the platform's own, such as the one
     * compute-manager hands over for an anonymous session's role; the password is kept only for this login.
     */
    public static Future<ComputeConnection> startWithPassword(NetClient client, String host, int port,
            Map<String, String> parameters, String password, String sessionId) {
        return connect(client, host, port)
            .compose(socket -> new ComputeLogin(sessionId, socket, null, password.toCharArray(), null)
                .run(parameters));
    }

    /** Connects to {@code host:port} and has the client answer the compute's authentication itself. */
    public static Future<ComputeConnection> startPassthrough(NetClient client, String host, int port,
            Map<String, String> parameters, ClientAuthentication passthrough, String sessionId) {
        return connect(client, host, port)
            .compose(socket -> new ComputeLogin(sessionId, socket, null, null, passthrough).run(parameters));
    }

    private static Future<NetSocket> connect(NetClient client, String host, int port) {
        return client.connect(port, host)
            .recover(failure -> Future.failedFuture(new ComputeUnreachableException(
                SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "could not connect to the compute: " + failure.getMessage(), failure)));
    }

    private Future<ComputeConnection> run(Map<String, String> parameters) {
        socket.handler(this::onData);
        socket.exceptionHandler(this::fail);
        socket.closeHandler(ignored -> fail(closedDuringLogin()));
        if (passthrough != null) {
            passthrough.answersTo(answer -> {
                clientAnswered = true;
                socket.write(answer);
            });
        }
        socket.write(StartupMessage.encode(parameters));
        return result.future();
    }

    /**
     * A close before the client answered anything may be retried with the compute's address asked for again; once
     * the client has answered the compute itself, a new attempt would ask it again, so the session ends here.
     */
    private RuntimeException closedDuringLogin() {
        if (clientAnswered) {
            return new ProtocolException(SqlState.CONNECTION_FAILURE,
                "the compute closed the connection during authentication: connect again");
        }
        return new ComputeUnreachableException(SqlState.CONNECTION_FAILURE,
            "the compute closed the connection during login", null);
    }

    private void onData(Buffer data) {
        reader.append(data);
        try {
            Message message;
            while (!result.future().isComplete() && (message = reader.nextMessage()) != null) {
                handle(message);
            }
        } catch (RuntimeException | ScramException e) {
            fail(e);
        }
    }

    private void handle(Message message) throws ScramException {
        switch (message.type()) {
            case MessageType.AUTHENTICATION -> {
                if (passthrough != null) {
                    passthrough.toClient(message.frame());
                } else {
                    authenticate(Authentication.decode(message));
                }
            }
            case MessageType.PARAMETER_STATUS, MessageType.NOTICE_RESPONSE -> greeting.appendBuffer(message.frame());
            case MessageType.BACKEND_KEY_DATA -> keyData = BackendKeyData.decode(message);
            case MessageType.READY_FOR_QUERY -> finish(message);
            case MessageType.ERROR_RESPONSE -> fail(new ComputeRefusedException(ErrorResponse.decode(message)));
            default -> fail(ProtocolException.violation("the compute sent message type '" + message.typeName()
                + "' during login"));
        }
    }

    private void authenticate(Authentication request) throws ScramException {
        switch (request.kind()) {
            case Authentication.OK -> LOG.debugf("[%s] logged in to the compute", sessionId);
            case Authentication.SASL -> {
                var credentials = ScramClient.builder()
                    .advertisedMechanisms(request.mechanisms())
                    .username("*");
                scram = (password != null ? credentials.password(password)
                    : credentials.clientAndServerKey(keys.clientKey(), keys.serverKey())).build();
                String mechanism = scram.getScramMechanism().getName();
                socket.write(new SaslInitialResponse(mechanism, scram.clientFirstMessage().toString()).encode());
            }
            case Authentication.SASL_CONTINUE -> {
                scram.serverFirstMessage(request.text());
                socket.write(new SaslResponse(scram.clientFinalMessage().toString()).encode());
            }
            case Authentication.SASL_FINAL -> scram.serverFinalMessage(request.text());
            default -> fail(new ProtocolException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "the compute asked for authentication method " + request.kind()
                    + " instead of SCRAM-SHA-256: its pg_hba.conf must use scram-sha-256"));
        }
    }

    /** Done; bytes that arrive until the relay takes over the socket keep collecting in the reader. */
    private void finish(Message readyForQuery) {
        if (keyData == null) {
            fail(ProtocolException.violation("the compute sent no BackendKeyData"));
            return;
        }
        socket.exceptionHandler(null);
        socket.closeHandler(null);
        result.complete(new ComputeConnection(socket, greeting, readyForQuery.frame(), keyData, reader));
    }

    private void fail(Throwable failure) {
        if (result.tryFail(failure)) {
            socket.close();
        }
    }
}
