package io.pgdispatch.proxy.session;

import com.ongres.scram.common.util.TlsServerEndpoint;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.PlatformLogin;
import io.pgdispatch.contract.events.ConnectionEvent;
import io.pgdispatch.proxy.access.ClientOrigin;
import io.pgdispatch.proxy.auth.AuthenticationFailedException;
import io.pgdispatch.proxy.auth.CleartextPasswordCheck;
import io.pgdispatch.proxy.auth.LinkLogins;
import io.pgdispatch.proxy.auth.ScramServerExchange;
import io.pgdispatch.proxy.auth.ScramVerifier;
import io.pgdispatch.proxy.compute.ClientAuthentication;
import io.pgdispatch.proxy.compute.ComputeConnection;
import io.pgdispatch.proxy.compute.ComputeLogin;
import io.pgdispatch.proxy.compute.ComputeRefusedException;
import io.pgdispatch.proxy.compute.ComputeUnreachableException;
import io.pgdispatch.proxy.protocol.Authentication;
import io.pgdispatch.proxy.protocol.BackendKeyData;
import io.pgdispatch.proxy.protocol.CancelRequest;
import io.pgdispatch.proxy.protocol.ErrorResponse;
import io.pgdispatch.proxy.protocol.GssEncRequest;
import io.pgdispatch.proxy.protocol.Message;
import io.pgdispatch.proxy.protocol.MessageReader;
import io.pgdispatch.proxy.protocol.MessageType;
import io.pgdispatch.proxy.protocol.NegotiateProtocolVersion;
import io.pgdispatch.proxy.protocol.PasswordMessage;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SaslInitialResponse;
import io.pgdispatch.proxy.protocol.SaslResponse;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.protocol.SslRequest;
import io.pgdispatch.proxy.protocol.StartupMessage;
import io.pgdispatch.proxy.protocol.StartupPacket;
import io.pgdispatch.proxy.proxyprotocol.ProxyCommand;
import io.pgdispatch.proxy.proxyprotocol.ProxyHeader;
import io.pgdispatch.proxy.proxyprotocol.ProxyHeaderDecoder;
import io.pgdispatch.proxy.proxyprotocol.ProxyHeaderResult;
import io.pgdispatch.proxy.proxyprotocol.ProxyProtocolMode;
import io.pgdispatch.proxy.routing.AnonymousAccess;
import io.pgdispatch.proxy.routing.OptionWords;
import io.pgdispatch.proxy.routing.PasswordForm;
import io.pgdispatch.proxy.routing.RequestedTarget;
import io.pgdispatch.proxy.routing.StartupOptions;
import io.pgdispatch.proxy.routing.Target;
import io.pgdispatch.proxy.routing.TargetHost;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One client connection, from its first byte to its close.
 *
 * <pre>
 * PROXY_HEADER   behind a load balancer: waiting for the PROXY protocol header that names the real client
 * STARTUP        waiting for SSLRequest, GSSENCRequest, CancelRequest or StartupMessage
 * TLS            upgrading to TLS after answering 'S'; the SNI name is known afterwards
 * PASSWORD       nothing named a target: AuthenticationCleartextPassword sent, waiting for the password form
 * LINK           start.&lt;domain&gt; or options=link: AuthenticationOk and a notice with a login link sent,
 *                waiting for a person to confirm it in the browser; then ROUTING to the target they chose, and
 *                CONNECTING as the platform's link role with the chosen role set
 * ROUTING        looking up the target, checking its access rules, fetching the role's verifier
 * SASL_INITIAL   AuthenticationSASL sent, waiting for client-first
 * SASL_FINAL     server-first sent, waiting for client-final
 * CONNECTING     authenticated (by SCRAM, or by the password form's cleartext password checked on a worker);
 *                starting the compute and logging in to it
 * (anonymous)    user "anonymous" on a target that allows it: no password; CONNECTING at once, to the read
 *                replica or a sandbox, as the unprivileged role with the branch's secret from compute-manager
 * PASSTHROUGH    the target's compute authenticates: starting it, then relaying its authentication messages to
 *                the client and the client's answers (password messages only) back, until AuthenticationOk
 * RELAYING       bytes flow both ways through {@link Relay}
 * CLOSED         nothing more happens
 * </pre>
 *
 * Every failure before RELAYING ends with one ErrorResponse and a close. All state is touched only on the event
 * loop of the session's socket. Bytes a client sends while the proxy is busy (ROUTING, CONNECTING) wait in the
 * reader, up to the handshake limit, and are relayed first.
 */
public final class ClientSession {

    private static final Logger LOG = Logger.getLogger(ClientSession.class);
    /** Far more than any SCRAM message; a client sending more during the handshake is not a PostgreSQL client. */
    private static final int MAX_HANDSHAKE_MESSAGE_LENGTH = 16 * 1024;
    /** The startup parameter that carries routing items beside the compute's own switches. */
    private static final String OPTIONS = "options";
    /** Connection attempts to a compute whose address did not answer, each after asking for the address again. */
    private static final int COMPUTE_ATTEMPTS = 4;
    /** The wait before the second attempt, doubled before each further one: 50, 100, 200 ms. */
    private static final long FIRST_RETRY_MILLIS = 50;

    private enum State {
        PROXY_HEADER, STARTUP, TLS, PASSWORD, LINK, ROUTING, SASL_INITIAL, SASL_FINAL, CONNECTING, PASSTHROUGH,
        RELAYING, CLOSED
    }

    private final NetSocket socket;
    private final SessionServices services;
    private final Entrance entrance;
    private final ProxyHeaderDecoder proxyHeader;
    private final Context context;
    private final String id;
    private final MessageReader reader = new MessageReader(MAX_HANDSHAKE_MESSAGE_LENGTH);
    private final long openedAt = System.nanoTime();
    private State state;
    private boolean tls;
    private long handshakeTimer;
    private ClientOrigin origin;
    private StartupMessage startup;
    private Optional<String> forwardedOptions;
    private Target target;
    private ScramServerExchange scram;
    /** Where the client's answers go while the compute authenticates it; null until the compute is connected. */
    private Consumer<Buffer> computeAuthentication;
    /** The cluster's anonymous place this session holds, given back when it ends; null for other sessions. */
    private AnonymousSessions.Slot anonymousSlot;
    /** The login link this session waits on or came through; null for other sessions. */
    private String linkId;
    /** The account role a person chose for this session on the login link's page; null for other sessions. */
    private String linkRole;

    public ClientSession(NetSocket socket, SessionServices services, Entrance entrance, Context context) {
        this.socket = socket;
        this.services = services;
        this.entrance = entrance;
        this.proxyHeader = new ProxyHeaderDecoder(entrance.proxyProtocol());
        this.context = context;
        byte[] bytes = new byte[6];
        services.random().nextBytes(bytes);
        this.id = HexFormat.of().formatHex(bytes);
    }

    public void start() {
        origin = new ClientOrigin(peerAddress(), Optional.empty());
        state = entrance.proxyProtocol() == ProxyProtocolMode.OFF ? State.STARTUP : State.PROXY_HEADER;
        socket.handler(this::onData);
        socket.exceptionHandler(failure -> LOG.debugf("[%s] socket error: %s", id, failure.getMessage()));
        socket.closeHandler(ignored -> onClientClosed());
        handshakeTimer = services.vertx().setTimer(services.config().handshakeTimeout().toMillis(),
            ignored -> fail(ProtocolException.violation("the client did not finish the startup and authentication"
                + " within " + services.config().handshakeTimeout().toSeconds() + " s")));
    }

    private void onData(Buffer data) {
        reader.append(data);
        try {
            if (reader.length() > MAX_HANDSHAKE_MESSAGE_LENGTH) {
                throw ProtocolException.violation("the client sent more than "
                    + MAX_HANDSHAKE_MESSAGE_LENGTH + " bytes before its session was ready");
            }
            readPackets();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void readPackets() {
        while (true) {
            switch (state) {
                case PROXY_HEADER -> {
                    if (!onProxyHeader()) {
                        return;
                    }
                }
                case STARTUP -> {
                    Buffer packet = reader.nextStartupPacket();
                    if (packet == null) {
                        return;
                    }
                    onStartupPacket(StartupPacket.decode(packet));
                }
                case SASL_INITIAL, SASL_FINAL -> {
                    Message message = reader.nextMessage();
                    if (message == null) {
                        return;
                    }
                    onSaslMessage(message);
                }
                case PASSWORD -> {
                    Message message = reader.nextMessage();
                    if (message == null) {
                        return;
                    }
                    onPasswordForm(PasswordMessage.decode(message));
                }
                case PASSTHROUGH -> {
                    Message message = computeAuthentication == null ? null : reader.nextMessage();
                    if (message == null) {
                        return;
                    }
                    onAuthenticationAnswer(message);
                }
                default -> {
                    return;
                }
            }
        }
    }

    /**
     * Reads the load balancer's header, if one came, and takes the real client from it; false while more bytes are
     * needed. A LOCAL header is the load balancer's own health check: the connection goes on as the balancer's.
     */
    private boolean onProxyHeader() {
        ProxyHeaderResult result = proxyHeader.decode(reader.unread());
        if (result instanceof ProxyHeaderResult.NeedMoreBytes) {
            return false;
        }
        if (result instanceof ProxyHeaderResult.Decoded decoded) {
            reader.skip(decoded.length());
            ProxyHeader header = decoded.header();
            if (header.command() == ProxyCommand.PROXY) {
                origin = new ClientOrigin(header.source().map(InetSocketAddress::getAddress)
                    .orElse(origin.address()), header.vpcEndpointId());
            }
            LOG.debugf("[%s] PROXY protocol v%d %s header: client %s", id, header.version(), header.command(),
                origin);
        }
        state = State.STARTUP;
        return true;
    }

    private void onStartupPacket(StartupPacket packet) {
        if (packet instanceof SslRequest) {
            upgradeToTls();
        } else if (packet instanceof GssEncRequest) {
            socket.write(Buffer.buffer(1).appendByte(GssEncRequest.REFUSE));
        } else if (packet instanceof CancelRequest cancel) {
            services.cancelForwarder().forward(id, cancel);
            close();
        } else {
            onStartupMessage((StartupMessage) packet);
        }
    }

    private void upgradeToTls() {
        if (tls || !reader.isEmpty()) {
            // Bytes sent before the TLS handshake would be read as if they came through TLS (CVE-2021-23214).
            throw ProtocolException.violation("unexpected SSLRequest or data sent before the TLS handshake");
        }
        state = State.TLS;
        socket.write(Buffer.buffer(1).appendByte(SslRequest.ACCEPT));
        socket.upgradeToSsl().onComplete(result -> {
            if (result.failed()) {
                LOG.debugf("[%s] TLS handshake failed: %s", id, result.cause().getMessage());
                close();
                return;
            }
            tls = true;
            state = State.STARTUP;
            onData(Buffer.buffer());
        });
    }

    private void onStartupMessage(StartupMessage message) {
        if (!tls) {
            throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                "connections must use TLS: connect with sslmode=require or stronger");
        }
        if (services.connections().draining()) {
            throw new ProtocolException(SqlState.CANNOT_CONNECT_NOW, "this proxy is shutting down: connect again");
        }
        negotiateProtocolVersion(message);
        if (message.user() == null || message.user().isEmpty()) {
            throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                "no PostgreSQL user name specified in startup packet: connect with user=<role>");
        }
        StartupOptions options = StartupOptions.parse(message.parameters().get(OPTIONS));
        Optional<RequestedTarget> requested = RequestedTarget.select(entrance.dedicatedEndpoint(),
            TargetHost.parse(socket.indicatedServerName(), services.config().domain()), options.routing());
        startup = message;
        forwardedOptions = options.forwarded();
        if (TargetHost.isLinkHost(socket.indicatedServerName(), services.config().domain())
                || options.routing().link()) {
            startLink(requested);
            return;
        }
        if (requested.isEmpty()) {
            // Only the password can name the target now; the connection is TLS, so cleartext is safe to ask for.
            state = State.PASSWORD;
            socket.write(Authentication.cleartextPassword());
            return;
        }
        state = State.ROUTING;
        onContext(route(requested.get()), routed -> {
            if (isAnonymous()) {
                startAnonymous(routed.target());
            } else if (routed.target().passthrough()) {
                startPassthrough(routed.target());
            } else {
                askForPassword(routed);
            }
        });
    }

    /**
     * Looks the target up, refuses a client its access rules keep out, and fetches the role's verifier, unless the
     * target's computes authenticate clients themselves.
     */
    private Uni<Routed> route(RequestedTarget requested) {
        return services.resolver().lookup(requested)
            .invoke(found -> found.admit(requested, origin))
            .invoke(found -> services.authFailures().checkAllowed(found, origin))
            .map(found -> found.as(requested))
            .chain(found -> found.passthrough() || isAnonymous() ? Uni.createFrom().item(new Routed(found, null))
                : services.roleSecrets().verifier(found.accountId(), startup.user())
                    .map(verifier -> new Routed(found, verifier)));
    }

    /** The password form: the endpoint and the password in one, checked on a worker thread (PBKDF2). */
    private void onPasswordForm(PasswordMessage message) {
        PasswordForm form = PasswordForm.parse(message.password(), services.config().domain());
        state = State.ROUTING;
        onContext(route(RequestedTarget.fromPassword(form.endpointId()))
            .invoke(routed -> refusePasswordFormForPassthrough(routed.target()))
            .chain(routed -> Uni.createFrom().completionStage(services.vertx()
                .executeBlocking(() -> CleartextPasswordCheck.check(routed.verifier(), form.password()), false)
                .map(keys -> new Authenticated(routed.target(), keys))
                .toCompletionStage())
                .onFailure(AuthenticationFailedException.class)
                .invoke(() -> services.authFailures().recordFailure(routed.target(), origin))),
            authenticated -> {
                target = authenticated.target();
                startConnecting(authenticated.keys());
            });
    }

    /**
     * A login by link: the client is told it is authenticated (libpq shows notices only after AuthenticationOk) and
     * given the link, then waits for the person's choice, which auth-service checked to be the account's. The
     * handshake timeout gives way to the link's own expiry.
     */
    private void startLink(Optional<RequestedTarget> named) {
        if (named.isPresent()) {
            throw new ProtocolException(SqlState.INVALID_PARAMETER_VALUE, "a login by link (start."
                + services.config().domain() + " or options=link) chooses the target in the browser, but the"
                + " connection names " + named.get().kind().name().toLowerCase(Locale.ROOT) + " \""
                + named.get().id() + "\" too: connect with one or the other");
        }
        services.vertx().cancelTimer(handshakeTimer);
        state = State.LINK;
        onContext(services.linkLogins().create(origin.toString()), created -> {
            linkId = created.getLinkId();
            socket.write(Authentication.ok());
            socket.write(ErrorResponse.notice("Welcome to pg-dispatch! Log in and choose a database in your browser: "
                + created.getUrl() + " (the link expires in "
                + Duration.ofMillis(created.getExpiresAtEpochMs() - System.currentTimeMillis()).toSeconds() + " s)"));
            onContext(services.linkLogins().confirmed(linkId), this::routeConfirmedLink);
        });
    }

    private void routeConfirmedLink(LinkLogins.Confirmed confirmed) {
        state = State.ROUTING;
        linkRole = confirmed.role();
        onContext(services.resolver().lookup(confirmed.target())
            .invoke(found -> found.admit(confirmed.target(), origin))
            .map(found -> found.as(confirmed.target())), found -> {
                if (!found.accountId().equals(confirmed.accountId())) {
                    throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                        "the target chosen in the browser is not of your account: connect again");
                }
                if (found.passthrough()) {
                    throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, "cluster \"" + found.clusterId()
                        + "\" authenticates on its computes, which a login link cannot: log in with a role");
                }
                target = found;
                // The role goes last, after the client's own switches, so that it is the one that counts.
                String role = "-c role=" + OptionWords.escape(confirmed.role());
                forwardedOptions = Optional.of(forwardedOptions.map(options -> options + " " + role).orElse(role));
                state = State.CONNECTING;
                resolveAndConnect(null, 1);
            });
    }

    private boolean isAnonymous() {
        return AnonymousAccess.USER.equals(startup.user());
    }

    /**
     * An anonymous session needs no password, only a target that allows it: it goes to the read replica or to a
     * sandbox of its own, starts with the target's statement timeout, and takes one of its anonymous places.
     */
    private void startAnonymous(Target routed) {
        if (routed.anonymous().mode() == AnonymousAccess.Mode.OFF) {
            throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, routed.anonymousScope()
                + " does not allow anonymous access: log in with a role and its password");
        }
        if (routed.passthrough()) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, "cluster \"" + routed.clusterId()
                + "\" authenticates on its computes, which anonymous sessions cannot: log in with a role");
        }
        target = routed.forAnonymous();
        anonymousSlot = services.anonymousSessions().acquire(target);
        String timeout = "-c statement_timeout=" + target.anonymous().statementTimeout().toMillis();
        forwardedOptions = Optional.of(forwardedOptions.map(options -> options + " " + timeout).orElse(timeout));
        startConnecting(null);
    }

    /** The password form ends at the proxy, which cannot hand a password on to a compute's own authentication. */
    private static void refusePasswordFormForPassthrough(Target target) {
        if (target.passthrough()) {
            throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, "cluster \"" + target.clusterId()
                + "\" authenticates on its computes, which the password form cannot reach: name the endpoint in the"
                + " host name (SNI), in options=endpoint=<id>, or connect to its dedicated address");
        }
    }

    /** A client asking for 3.x or for {@code _pq_.} extensions learns that this server speaks plain 3.0. */
    private void negotiateProtocolVersion(StartupMessage message) {
        List<String> extensions = message.parameters().keySet().stream()
            .filter(name -> name.startsWith(StartupMessage.PROTOCOL_EXTENSION_PREFIX))
            .toList();
        if (message.minorVersion() > StartupMessage.MINOR_VERSION || !extensions.isEmpty()) {
            socket.write(new NegotiateProtocolVersion(StartupMessage.MINOR_VERSION, extensions).encode());
        }
    }

    private void askForPassword(Routed routed) {
        target = routed.target();
        scram = new ScramServerExchange(routed.verifier(), services.random(), channelBinding());
        socket.write(Authentication.sasl(scram.mechanisms()));
        state = State.SASL_INITIAL;
        onData(Buffer.buffer());
    }

    private void onSaslMessage(Message message) {
        if (state == State.SASL_INITIAL) {
            SaslInitialResponse initial = SaslInitialResponse.decode(message);
            if (!scram.mechanisms().contains(initial.mechanism())) {
                throw ProtocolException.violation("client selected an invalid SASL authentication mechanism \""
                    + initial.mechanism() + "\": use one of " + String.join(", ", scram.mechanisms()));
            }
            socket.write(Authentication.saslContinue(scram.serverFirst(initial.mechanism(), initial.data())));
            state = State.SASL_FINAL;
            return;
        }
        ScramServerExchange.Result keys = scram.clientFinal(SaslResponse.decode(message).data());
        scram = null;
        socket.write(Authentication.saslFinal(keys.serverFinal()));
        startConnecting(keys);
    }

    /**
     * The compute authenticates the client: the session waits for it like any other, then relays. The handshake
     * timer keeps running, since the client still has to answer.
     */
    private void startPassthrough(Target routed) {
        target = routed;
        state = State.PASSTHROUGH;
        resolveAndConnect(null, 1);
    }

    /** Only password messages (password, SASL and GSSAPI answers all use 'p') may go to a compute that asked. */
    private void onAuthenticationAnswer(Message message) {
        if (message.type() != MessageType.PASSWORD) {
            throw ProtocolException.violation("expected an authentication answer, got message type '"
                + message.typeName() + "'");
        }
        computeAuthentication.accept(message.frame());
    }

    private void startConnecting(ScramServerExchange.Result keys) {
        services.vertx().cancelTimer(handshakeTimer);
        state = State.CONNECTING;
        resolveAndConnect(keys, 1);
    }

    private void resolveAndConnect(ScramServerExchange.Result keys, int attempt) {
        onContext(services.resolver().connect(target, id, platformLogin()),
            address -> connectToCompute(address, keys, attempt));
    }

    /**
     * A compute that does not answer at its address is asked for again, with a growing pause, since router-service
     * then finds it down and starts it; the client sees the last failure only when every attempt failed.
     */
    private void connectToCompute(ComputeAddress address, ScramServerExchange.Result keys, int attempt) {
        Map<String, String> parameters = new LinkedHashMap<>(startup.parameters());
        parameters.keySet().removeIf(name -> name.startsWith(StartupMessage.PROTOCOL_EXTENSION_PREFIX));
        forwardedOptions.ifPresentOrElse(forwarded -> parameters.put(OPTIONS, forwarded),
            () -> parameters.remove(OPTIONS));
        Future<ComputeConnection> login;
        if (platformLogin() != PlatformLogin.PLATFORM_LOGIN_NONE) {
            // The database named as the client meant it: by default its user name, not the compute role's.
            parameters.put("database", startup.database());
            parameters.put("user", platformLogin() == PlatformLogin.LINK_LOGIN ? LinkLogins.COMPUTE_ROLE
                : AnonymousAccess.COMPUTE_ROLE);
            login = ComputeLogin.startWithPassword(services.computeClient(), address.getHost(), address.getPort(),
                parameters, address.getPlatformPassword(), id);
        } else if (target.passthrough()) {
            login = ComputeLogin.startPassthrough(services.computeClient(), address.getHost(), address.getPort(),
                parameters, clientAuthentication(), id);
        } else {
            login = ComputeLogin.start(services.computeClient(), address.getHost(), address.getPort(), parameters, keys,
                id);
        }
        login.onSuccess(compute -> startRelay(address, compute))
            .onFailure(failure -> {
                if (!(failure instanceof ComputeUnreachableException) || attempt == COMPUTE_ATTEMPTS
                        || state == State.CLOSED) {
                    fail(failure);
                    return;
                }
                long pause = FIRST_RETRY_MILLIS << (attempt - 1);
                LOG.infof("[%s] compute %s at %s:%d: %s; asking again in %d ms", id, address.getComputeId(),
                    address.getHost(), address.getPort(), failure.getMessage(), pause);
                services.vertx().setTimer(pause, ignored -> resolveAndConnect(keys, attempt + 1));
            });
    }

    /** The client's end of a passthrough login, touched on this session's event loop only. */
    private ClientAuthentication clientAuthentication() {
        return new ClientAuthentication() {
            @Override
            public void toClient(Buffer message) {
                socket.write(message);
            }

            @Override
            public void answersTo(Consumer<Buffer> compute) {
                computeAuthentication = compute;
                onData(Buffer.buffer());
            }
        };
    }

    private void startRelay(ComputeAddress address, ComputeConnection compute) {
        if (state == State.CLOSED) {
            compute.socket().close();
            return;
        }
        BackendKeyData issued = services.cancelRegistry().register(address.getHost(), address.getPort(),
            compute.keyData());
        if (target.passthrough()) {
            // The compute's own AuthenticationOk has reached the client already.
            services.vertx().cancelTimer(handshakeTimer);
            computeAuthentication = null;
        } else if (linkId == null) {
            socket.write(Authentication.ok());
        }
        socket.write(compute.greeting());
        socket.write(issued.encode());
        socket.write(compute.readyForQuery());
        state = State.RELAYING;
        String client = origin.toString();
        LOG.infof("[%s] session opened: client=%s target=%s role=%s compute=%s at %s:%d", id, client, target,
            sessionRole(), address.getComputeId(), address.getHost(), address.getPort());
        services.events().publish(ConnectionEvent.opened(id, address.getComputeId(), target.clusterId(),
            target.branchId(), sessionRole(), client));
        new Relay(socket, compute.socket(), (fromClient, toClient) -> {
            state = State.CLOSED;
            releaseAnonymousSlot();
            services.cancelRegistry().unregister(issued);
            LOG.infof("[%s] session closed: client=%s target=%s compute=%s duration=%d ms bytes in=%d out=%d",
                id, client, target, address.getComputeId(), elapsedMillis(), fromClient, toClient);
            services.events().publish(ConnectionEvent.closed(id, address.getComputeId(), target.clusterId(),
                target.branchId(), sessionRole(), client, fromClient, toClient));
        }).start(reader.drain(), compute.early().drain());
    }

    /** Runs {@code next} on this session's event loop with the item, or fails the session. */
    private <T> void onContext(Uni<T> step, Consumer<T> next) {
        step.subscribe().with(
            item -> context.runOnContext(ignored -> {
                if (state != State.CLOSED) {
                    try {
                        next.accept(item);
                    } catch (RuntimeException e) {
                        fail(e);
                    }
                }
            }),
            failure -> context.runOnContext(ignored -> fail(failure)));
    }

    private void fail(Throwable failure) {
        if (state == State.CLOSED || state == State.RELAYING) {
            return;
        }
        if (failure instanceof AuthenticationFailedException && target != null
                || failure instanceof ComputeRefusedException refused && target != null && target.passthrough()
                    && refused.error().sqlState().startsWith("28")) {
            // A failed SCRAM exchange, or a compute refusing the client's own answers; the password form's failures
            // are counted where its target is known.
            services.authFailures().recordFailure(target, origin);
        }
        ErrorResponse error = toErrorResponse(failure);
        LOG.infof("[%s] session refused: client=%s target=%s sqlstate=%s %s", id, origin,
            target == null ? "-" : target, error.sqlState(), error.message());
        state = State.CLOSED;
        releaseAnonymousSlot();
        services.vertx().cancelTimer(handshakeTimer);
        socket.end(error.encode());
    }

    /** The account role the session runs as: the one it logged in as, or the one chosen for its login link. */
    private String sessionRole() {
        return linkRole != null ? linkRole : startup.user();
    }

    private PlatformLogin platformLogin() {
        if (anonymousSlot != null) {
            return PlatformLogin.ANONYMOUS_LOGIN;
        }
        return linkId != null ? PlatformLogin.LINK_LOGIN : PlatformLogin.PLATFORM_LOGIN_NONE;
    }

    private void releaseAnonymousSlot() {
        if (anonymousSlot != null) {
            anonymousSlot.release();
        }
    }

    private ErrorResponse toErrorResponse(Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            return ErrorResponse.fatal(SqlState.INVALID_PASSWORD,
                "password authentication failed for user \"" + startup.user() + "\"");
        }
        if (failure instanceof ProtocolException protocol) {
            return ErrorResponse.fatal(protocol.sqlState(), protocol.getMessage());
        }
        if (failure instanceof ComputeRefusedException refused) {
            return refused.error();
        }
        LOG.errorf(failure, "[%s] unexpected failure", id);
        return ErrorResponse.fatal(SqlState.INTERNAL_ERROR, "internal error in the proxy (session " + id
            + "): try again, and report it if it persists");
    }

    private void onClientClosed() {
        if (state != State.RELAYING && state != State.CLOSED) {
            LOG.debugf("[%s] client closed the connection in state %s", id, state);
            if (state == State.LINK) {
                services.linkLogins().abandon(linkId);
            }
            state = State.CLOSED;
            releaseAnonymousSlot();
            services.vertx().cancelTimer(handshakeTimer);
        }
    }

    private void close() {
        state = State.CLOSED;
        services.vertx().cancelTimer(handshakeTimer);
        socket.close();
    }

    /**
     * The {@code tls-server-end-point} data of the certificate this connection's TLS handshake presented, which
     * SCRAM-SHA-256-PLUS binds to; empty when there is none to read, and PLUS is then not offered.
     */
    private Optional<byte[]> channelBinding() {
        try {
            Certificate[] presented = socket.sslSession() == null ? null : socket.sslSession().getLocalCertificates();
            if (presented == null || presented.length == 0 || !(presented[0] instanceof X509Certificate leaf)) {
                return Optional.empty();
            }
            return Optional.of(TlsServerEndpoint.getChannelBindingData(leaf));
        } catch (CertificateEncodingException | RuntimeException e) {
            LOG.debugf("[%s] no channel binding: %s", id, e.getMessage());
            return Optional.empty();
        }
    }

    /** The TCP peer's address; a literal, so no name is looked up. */
    private InetAddress peerAddress() {
        try {
            return InetAddress.getByName(socket.remoteAddress().hostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the socket's peer address is not a literal address", e);
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - openedAt) / 1_000_000;
    }

    /** The target of the connection and the verifier its role must match there. */
    private record Routed(Target target, ScramVerifier verifier) {
    }

    /** A target and the keys of a role that proved its password there. */
    private record Authenticated(Target target, ScramServerExchange.Result keys) {
    }
}
